import { z } from 'zod';

/** Form fields several forms share, with the words a person is shown when one is wrong. */

/** A stored row's id from a hidden field: absent or empty for a new one. */
export const optionalId = z.coerce
  .number()
  .int()
  .positive()
  .optional()
  .or(z.literal('').transform(() => undefined));

/** A slug as typed: empty (made from the title) or lowercase words of letters and digits joined by dashes. */
export const typedSlug = z
  .string()
  .trim()
  .max(80, 'Keep the slug under 80 characters.')
  .refine(
    (slug) => slug === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug),
    'Use lowercase letters, digits and dashes only.',
  );
