import { notFound } from 'next/navigation';
import type { z } from 'zod';
import { requirePermission, type CurrentUser } from '@/lib/auth/current-user';
import type { Action } from '@/lib/auth/permissions';
import { fieldErrorsOf, formValues, type FormState } from '@/lib/form-state';

/**
 * The wrappers every server action goes through: each parses its form with zod and, for staff actions, checks on
 * the server that the signed-in person may do `action` (401/403 otherwise) before the handler runs. The first
 * argument is the permission an action needs, or `publicAction` says that anyone may call it: the role matrix
 * (e2e/roles-are-enforced-by-the-server.spec.ts) reads that declaration for every action in the build.
 */

type Options = {
  /** What the person is told when the form does not parse (the fields say why). */
  invalidMessage?: string;
  /**
   * What becomes of a form that does not parse, instead of returning it marked: a form that also works without
   * JavaScript may keep it for a page to send the person to.
   */
  onInvalid?: (rejected: FormState, formData: FormData) => Promise<FormState>;
};
const defaultInvalidMessage = 'Please correct the marked fields.';

/** What a form gets back to show again: everything typed but passwords, which never travel back to the page. */
function echoed(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !/password/i.test(name)));
}

type Handler<S extends z.ZodType, Extra extends unknown[]> = (
  data: z.infer<S>,
  ...rest: [...Extra, FormData]
) => Promise<FormState>;

/** Parses the form; the handler only runs on valid input, and a rejected form keeps what was typed. */
function parsing<S extends z.ZodType, State extends FormState>(
  schema: S,
  options: Options,
  handler: (data: z.infer<S>, formData: FormData) => Promise<State>,
) {
  return async (formData: FormData): Promise<State | FormState> => {
    const values = formValues(formData);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const rejected: FormState = {
        status: 'error',
        message: options.invalidMessage ?? defaultInvalidMessage,
        fieldErrors: fieldErrorsOf(parsed.error),
        values: echoed(values),
      };
      return options.onInvalid ? options.onInvalid(rejected, formData) : rejected;
    }
    const result = await handler(parsed.data, formData);
    return { ...result, values: result.values ?? echoed(values) };
  };
}

/** A form anyone may send (sign-in, comments, booking requests): its handler applies its own limits. */
export function publicAction<S extends z.ZodType>(schema: S, handler: Handler<S, []>, options: Options = {}) {
  const run = parsing(schema, options, handler);
  return async (_previous: FormState, formData: FormData): Promise<FormState> => run(formData);
}

/** A button anyone may press, with nothing to show back (signing out, which must work for an ended session too). */
export function publicButtonAction<S extends z.ZodType>(schema: S, handler: (data: z.infer<S>) => Promise<void>) {
  return async (formData: FormData): Promise<void> => {
    const parsed = schema.safeParse(formValues(formData));
    if (!parsed.success) notFound();
    await handler(parsed.data);
  };
}

/** A staff form: the signed-in person must have `action`. */
export function authorizedAction<S extends z.ZodType>(
  action: Action,
  schema: S,
  handler: Handler<S, [CurrentUser]>,
  options: Options = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const user = await requirePermission(action);
    return parsing(schema, options, (data, form) => handler(data, user, form))(formData);
  };
}

/**
 * For buttons that post only hidden ids (trash, restore...): no form state to return. Input that does not parse
 * can only come from a tampered request, so it gets the 404 page.
 */
export function authorizedButtonAction<S extends z.ZodType>(
  action: Action,
  schema: S,
  handler: (data: z.infer<S>, user: CurrentUser, formData: FormData) => Promise<void>,
) {
  return async (formData: FormData): Promise<void> => {
    const user = await requirePermission(action);
    const parsed = schema.safeParse(formValues(formData));
    if (!parsed.success) notFound();
    await handler(parsed.data, user, formData);
  };
}
