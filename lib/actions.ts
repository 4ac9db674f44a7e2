import { notFound } from 'next/navigation';
import type { z } from 'zod';
import { requirePermission, type CurrentUser } from '@/lib/auth/current-user';
import type { Action } from '@/lib/auth/permissions';
import { fieldErrorsOf, formValues, type FormState } from '@/lib/form-state';

type Handler<S extends z.ZodType> = (data: z.infer<S>, formData: FormData) => Promise<FormState>;

/** Parses the form with its schema; the handler only runs on valid input. */
export function validatedAction<S extends z.ZodType>(schema: S, handler: Handler<S>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return { status: 'error', message: 'Please correct the marked fields.', fieldErrors: fieldErrorsOf(parsed.error), values };
    }
    const result = await handler(parsed.data, formData);
    return { ...result, values: result.values ?? values };
  };
}

/** The same, after checking on the server that the signed-in person may do `action` (401/403 otherwise). */
export function authorizedAction<S extends z.ZodType>(
  action: Action,
  schema: S,
  handler: (data: z.infer<S>, user: CurrentUser, formData: FormData) => Promise<FormState>,
) {
  return async (previous: FormState, formData: FormData): Promise<FormState> => {
    const user = await requirePermission(action);
    return validatedAction(schema, (data, form) => handler(data, user, form))(previous, formData);
  };
}

/**
 * For buttons that post only hidden ids (trash, restore...): no form state to return. Input that does not parse
 * can only come from a tampered request, so it gets the 404 page.
 */
export function authorizedButtonAction<S extends z.ZodType>(
  action: Action,
  schema: S,
  handler: (data: z.infer<S>, user: CurrentUser) => Promise<void>,
) {
  return async (formData: FormData): Promise<void> => {
    const user = await requirePermission(action);
    const parsed = schema.safeParse(formValues(formData));
    if (!parsed.success) notFound();
    await handler(parsed.data, user);
  };
}
