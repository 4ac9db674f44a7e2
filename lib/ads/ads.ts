import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { getAd, getSlot } from '@/db/queries/ads-admin';
import { adStatus, ads } from '@/db/schema';
import { parseLocalDateTime } from '@/lib/posts/editing';
import { saveImage } from '@/lib/uploads/images';
import { adMessages } from './messages';
import { queueAdWindows } from '@/lib/scheduler/jobs';
import { markRequestsScheduled, type Refusal } from './requests';
import { safeTargetUrl } from './rules';

const messages = adMessages.ad;

export const adStatuses = adStatus.enumValues;

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
const when = z
  .string()
  .default('')
  .refine((v) => v === '' || parseLocalDateTime(v, 0) !== null, messages.dateTime);

export const adSchema = z
  .object({
    id: optionalId,
    advertiser: z.string().trim().min(1, messages.advertiser).max(100),
    slotId: z.coerce.number({ error: messages.slot }).int().positive(messages.slot),
    headline: z.string().trim().min(1, messages.headline).max(120),
    altText: z.string().trim().min(1, messages.altText).max(300),
    targetUrl: z
      .string()
      .trim()
      .refine((url) => safeTargetUrl(url) !== null, messages.targetUrl),
    startsAt: when,
    endsAt: when,
    weight: z.coerce.number({ error: messages.weight }).int().min(1, messages.weightMin).max(100, messages.weightMax),
    status: z.enum(adStatuses).default('active'),
    timezoneOffset: z.coerce.number().int().default(0),
  })
  .refine(
    (ad) => !ad.startsAt || !ad.endsAt || parseLocalDateTime(ad.endsAt, 0)! > parseLocalDateTime(ad.startsAt, 0)!,
    { path: ['endsAt'], message: messages.endsBeforeStart },
  );
export type AdInput = z.infer<typeof adSchema>;

/**
 * Creates or updates an ad; a new ad needs an image of exactly its slot's size (an ad made from a booking request
 * may already have the advertiser's). Setting it to run schedules the request it came from. Null when the ad to
 * update does not exist.
 */
export async function saveAd(
  db: Database,
  input: AdInput,
  image: File | null,
): Promise<{ ok: true; id: number; created: boolean } | Refusal | null> {
  const slot = await getSlot(db, input.slotId);
  if (!slot) return { ok: false, message: messages.slotGone, fieldErrors: { slotId: messages.slot } };
  const existing = input.id ? await getAd(db, input.id) : null;
  if (input.id && !existing) return null;

  let imageUrl = existing?.imageUrl;
  if (image && image.size > 0) {
    const saved = await saveImage(image, 'ads', { width: slot.width, height: slot.height });
    if (!saved.ok) return { ok: false, message: messages.notSaved, fieldErrors: { image: saved.message } };
    imageUrl = saved.url;
  }
  if (!imageUrl)
    return {
      ok: false,
      message: messages.notSaved,
      fieldErrors: { image: messages.imageNeeded(slot.width, slot.height) },
    };

  const values = {
    advertiser: input.advertiser,
    slotId: slot.id,
    headline: input.headline,
    altText: input.altText,
    targetUrl: safeTargetUrl(input.targetUrl)!,
    imageUrl,
    startsAt:
      (input.startsAt && parseLocalDateTime(input.startsAt, input.timezoneOffset)) || existing?.startsAt || new Date(),
    endsAt: input.endsAt ? parseLocalDateTime(input.endsAt, input.timezoneOffset) : null,
    weight: input.weight,
    status: input.status,
  };
  const [saved] = existing
    ? await db.update(ads).set(values).where(eq(ads.id, existing.id)).returning({ id: ads.id })
    : await db.insert(ads).values(values).returning({ id: ads.id });
  if (values.status === 'active') await markRequestsScheduled(db, saved.id);
  await queueAdWindows({ id: saved.id, startsAt: values.startsAt, endsAt: values.endsAt });
  return { ok: true, id: saved.id, created: !existing };
}

/** The Pause / Resume and Delete buttons of an ad. */
export const adChanges = ['pause', 'resume', 'delete'] as const;

/**
 * Pauses, resumes or deletes an ad. An ad made from a booking request has no creative or target yet: it cannot
 * run until it does ('incomplete'). Resuming schedules the request it came from.
 */
export async function changeAd(
  db: Database,
  id: number,
  change: (typeof adChanges)[number],
): Promise<'done' | 'missing' | 'incomplete'> {
  const ad = await getAd(db, id);
  if (!ad) return 'missing';
  if (change === 'resume' && (!ad.imageUrl || !safeTargetUrl(ad.targetUrl))) return 'incomplete';
  if (change === 'delete') await db.delete(ads).where(eq(ads.id, id));
  else
    await db
      .update(ads)
      .set({ status: change === 'pause' ? 'paused' : 'active' })
      .where(eq(ads.id, id));
  if (change === 'resume') {
    await markRequestsScheduled(db, id);
    await queueAdWindows(ad);
  }
  return 'done';
}
