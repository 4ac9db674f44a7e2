import 'server-only';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { moderationMode, siteSettings } from '@/db/schema';
import type { PublicSettings } from '@/db/queries/settings';
import { isValidTimeZone } from '@/lib/dates';

/** The settings page's form; on and off settings come as `yes` or `no`. */
export const settingsFormSchema = z.object({
  title: z.string().trim().min(1, 'The site needs a title.').max(100),
  description: z.string().trim().max(300).default(''),
  themeCredit: z.string().trim().max(200).default(''),
  postsPerPage: z.coerce.number({ error: 'Enter a number.' }).int().min(1, 'At least 1.').max(50, 'At most 50.'),
  timeZone: z.string().trim().refine(isValidTimeZone, 'Use a time zone name such as UTC or Europe/London.'),
  moderationMode: z.enum(moderationMode.enumValues, 'Choose how new comments are moderated.'),
  commentsCloseAfterDays: z.preprocess(
    (v) => (v === '' ? null : v),
    z.coerce
      .number({ error: 'Enter a number of days, or leave it empty.' })
      .int()
      .min(1, 'At least 1 day.')
      .max(3650)
      .nullable(),
  ),
  maxLinks: z.coerce.number({ error: 'Enter a number.' }).int().min(0).max(50),
  suspectWords: z.string().max(10_000).default(''),
  blockedWords: z.string().max(10_000).default(''),
  requireEmail: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
  maxReplyDepth: z.coerce
    .number({ error: 'Enter a number of levels.' })
    .int()
    .min(1, 'At least 1.')
    .max(10, 'At most 10.'),
  minSubmitSeconds: z.coerce.number({ error: 'Enter a number of seconds.' }).int().min(0).max(120),
  feedFullText: z.enum(['yes', 'no'], 'Choose what the feeds carry.').transform((v) => v === 'yes'),
  // Absent from forms older than the setting: excerpts, as before.
  mailFullText: z
    .enum(['yes', 'no'], 'Choose what story mails carry.')
    .default('no')
    .transform((v) => v === 'yes'),
  adsTxt: z.string().max(20_000).default(''),
  requireTwoFactor: z.enum(['yes', 'no'], 'Choose who needs two-factor sign-in.').transform((v) => v === 'yes'),
});

/** Writes the site's settings (its one row, created on the first save). */
export async function saveSettings(db: Database, settings: PublicSettings, now = new Date()): Promise<void> {
  await db
    .insert(siteSettings)
    .values({ id: 1, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: siteSettings.id, set: { ...settings, updatedAt: now } });
}
