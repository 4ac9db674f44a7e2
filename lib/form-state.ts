import type { z } from 'zod';

/**
 * What every form's server action returns: an error for the person (with one message per field), or success.
 * `values` carries back what was submitted, so a rejected form shows exactly what the person typed
 * (React resets uncontrolled fields after an action).
 */
export type FormState = {
  status: 'idle' | 'error' | 'ok';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** Lines listed under the message (the rows an import refused, each with why). */
  details?: string[];
  /** Shown once and never again (new recovery codes): the page keeps no readable copy. */
  secrets?: string[];
};

export const idle: FormState = { status: 'idle' };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}
