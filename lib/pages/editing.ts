import { z } from 'zod';
import { optionalId, typedSlug } from '@/lib/form-fields';
import { slugify } from '@/lib/slug';

/** What the page editor's buttons ask for: keep a draft, publish (or update a live page), or take it down. */
export const pageIntents = ['save', 'publish', 'unpublish'] as const;

export const pageFormSchema = z
  .object({
    id: optionalId,
    title: z.string().trim().min(1, 'Give the page a title.').max(200, 'Keep the title under 200 characters.'),
    slug: typedSlug,
    body: z.string().max(500_000, 'The body is too long.').default(''),
    intent: z.enum(pageIntents, 'Choose what to do with the page.'),
  })
  .transform((form) => ({ ...form, slug: form.slug || slugify(form.title) }))
  .refine((form) => form.slug !== '', { path: ['slug'], message: 'Give the page a slug with a letter or digit.' });

export type PageForm = z.infer<typeof pageFormSchema>;
