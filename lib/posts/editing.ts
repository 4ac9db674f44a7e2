import { z } from 'zod';
import { commentsMode, type Post } from '@/db/schema';
import { optionalId, typedSlug } from '@/lib/form-fields';
import { slugify } from '@/lib/slug';

/** What the editor's buttons ask for. */
export const intents = ['save', 'preview', 'submit', 'publish', 'schedule', 'unpublish'] as const;
export type Intent = (typeof intents)[number];

const MAX_LABELS = 10;

export const postFormSchema = z
  .object({
    id: optionalId,
    title: z.string().trim().min(1, 'Give the post a title.').max(200, 'Keep the title under 200 characters.'),
    slug: typedSlug,
    excerpt: z.string().trim().max(500, 'Keep the excerpt under 500 characters.').default(''),
    labels: z
      .string()
      .default('')
      .transform((text) => [
        ...new Set(
          text
            .split(',')
            .map((l) => l.trim())
            .filter(Boolean),
        ),
      ])
      .refine((list) => list.length <= MAX_LABELS, `Use at most ${MAX_LABELS} labels.`)
      .refine(
        (list) => list.every((l) => l.length <= 40 && slugify(l) !== ''),
        'Each label needs a letter or digit, and at most 40 characters.',
      ),
    body: z.string().max(500_000, 'The body is too long.').default(''),
    coverAlt: z.string().trim().max(300).default(''),
    commentsMode: z.enum(commentsMode.enumValues).default('site'),
    intent: z.enum(intents, 'Choose what to do with the post.'),
    scheduleAt: z.string().default(''),
    // A checkbox sends nothing when off: the hidden `emailFollowersShown` says the form had it.
    emailFollowers: z.literal('yes').optional(),
    emailFollowersShown: z.literal('yes').optional(),
    timezoneOffset: z.coerce.number().int().min(-900).max(900).default(0),
  })
  .transform((form) => ({ ...form, slug: form.slug || slugify(form.title) }))
  .refine((form) => form.slug !== '', { path: ['slug'], message: 'Give the post a slug with a letter or digit.' });

export type PostForm = z.infer<typeof postFormSchema>;

/**
 * A datetime-local value ("2026-11-24T09:30") is in the author's own time zone; the browser sends its offset
 * (minutes, as Date.getTimezoneOffset) alongside so the server can read it as an instant.
 */
export function parseLocalDateTime(value: string, timezoneOffsetMinutes: number): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map((part) => Number(part ?? 0));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) + timezoneOffsetMinutes * 60_000;
  return Number.isNaN(utc) ? null : new Date(utc);
}

export type Transition =
  | { ok: true; status: Post['status']; publishedAt: Date | null; rotatePreview: boolean }
  | { ok: false; field?: string; message: string };

/** Where a post goes when someone presses a button in the editor. */
export function transition(
  intent: Intent,
  current: Pick<Post, 'status' | 'publishedAt'> | null,
  scheduleAt: Date | null,
  now: Date,
): Transition {
  const status = current?.status ?? 'draft';
  const publishedAt = current?.publishedAt ?? null;
  switch (intent) {
    case 'save':
    case 'preview':
      // Saving a live (or scheduled) post updates it in place; saving a draft keeps it a draft.
      return { ok: true, status, publishedAt, rotatePreview: false };
    case 'submit':
      if (status === 'published') return { ok: false, message: 'This post is already published.' };
      return { ok: true, status: 'review', publishedAt: null, rotatePreview: false };
    case 'publish':
      return {
        ok: true,
        status: 'published',
        publishedAt: status === 'published' && publishedAt ? publishedAt : now,
        rotatePreview: true,
      };
    case 'schedule':
      if (!scheduleAt) return { ok: false, field: 'scheduleAt', message: 'Choose a date and time to publish.' };
      if (scheduleAt.getTime() <= now.getTime()) {
        return { ok: false, field: 'scheduleAt', message: 'Choose a time in the future, or publish now.' };
      }
      return { ok: true, status: 'scheduled', publishedAt: scheduleAt, rotatePreview: false };
    case 'unpublish':
      if (status !== 'published' && status !== 'scheduled')
        return { ok: false, message: 'This post is not published.' };
      return { ok: true, status: 'draft', publishedAt: null, rotatePreview: false };
  }
}

/** Which intents need the right to publish (the rest need the right to edit). */
export function needsPublishRight(intent: Intent): boolean {
  return intent === 'publish' || intent === 'schedule' || intent === 'unpublish';
}
