'use server';

import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { getAd, getSlot } from '@/db/queries/ads-admin';
import { insertAdRequest } from '@/db/queries/ad-requests';
import { ads } from '@/db/schema';
import { authorizedAction, authorizedButtonAction, publicAction } from '@/lib/actions';
import { clientIp } from '@/lib/auth/auth';
import { hashIp } from '@/lib/auth/sign-in';
import { checkLimit, recordEvent } from '@/lib/rate-limit';
import type { FormState } from '@/lib/form-state';
import { revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import { parseLocalDateTime } from '@/lib/posts/editing';
import { queueAdWindows } from '@/lib/scheduler/jobs';
import { saveImage } from '@/lib/uploads/images';
import { adRequestSchema, decideAdRequest, markRequestsScheduled } from './requests';
import { safeTargetUrl } from './rules';

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional());
const when = z
  .string()
  .default('')
  .refine((v) => v === '' || parseLocalDateTime(v, 0) !== null, 'Enter a date and time.');

const adSchema = z
  .object({
    id: optionalId,
    advertiser: z.string().trim().min(1, 'Name the advertiser.').max(100),
    slotId: z.coerce.number({ error: 'Choose a slot.' }).int().positive('Choose a slot.'),
    headline: z.string().trim().min(1, 'Give the ad a headline.').max(120),
    altText: z.string().trim().min(1, 'Describe the image for people who cannot see it.').max(300),
    targetUrl: z
      .string()
      .trim()
      .refine((url) => safeTargetUrl(url) !== null, 'Use an http:// or https:// address.'),
    startsAt: when,
    endsAt: when,
    weight: z.coerce
      .number({ error: 'Enter a weight from 1 to 100.' })
      .int()
      .min(1, 'At least 1.')
      .max(100, 'At most 100.'),
    status: z.enum(['active', 'paused']).default('active'),
    timezoneOffset: z.coerce.number().int().default(0),
  })
  .refine(
    (ad) => !ad.startsAt || !ad.endsAt || parseLocalDateTime(ad.endsAt, 0)! > parseLocalDateTime(ad.startsAt, 0)!,
    {
      path: ['endsAt'],
      message: 'The end must come after the start.',
    },
  );

/** Creates or updates an ad; a new ad needs an image of exactly its slot's size. */
export const saveAdAction = authorizedAction(
  'ads:manage',
  adSchema,
  async (data, _user, formData): Promise<FormState> => {
    const db = await getDb();
    const slot = await getSlot(db, data.slotId);
    if (!slot)
      return { status: 'error', message: 'That slot no longer exists.', fieldErrors: { slotId: 'Choose a slot.' } };
    const existing = data.id ? await getAd(db, data.id) : null;
    if (data.id && !existing) notFound();

    const image = formData.get('image');
    let imageUrl = existing?.imageUrl;
    if (image instanceof File && image.size > 0) {
      const saved = await saveImage(image, 'ads', { width: slot.width, height: slot.height });
      if (!saved.ok)
        return { status: 'error', message: 'The ad was not saved.', fieldErrors: { image: saved.message } };
      imageUrl = saved.url;
    }
    if (!imageUrl)
      return {
        status: 'error',
        message: 'The ad was not saved.',
        fieldErrors: { image: `Upload an image of ${slot.width}×${slot.height}.` },
      };

    const values = {
      advertiser: data.advertiser,
      slotId: slot.id,
      headline: data.headline,
      altText: data.altText,
      targetUrl: safeTargetUrl(data.targetUrl)!,
      imageUrl,
      startsAt:
        (data.startsAt && parseLocalDateTime(data.startsAt, data.timezoneOffset)) || existing?.startsAt || new Date(),
      endsAt: data.endsAt ? parseLocalDateTime(data.endsAt, data.timezoneOffset) : null,
      weight: data.weight,
      status: data.status,
    };
    const [saved] = existing
      ? await db.update(ads).set(values).where(eq(ads.id, existing.id)).returning({ id: ads.id })
      : await db.insert(ads).values(values).returning({ id: ads.id });
    if (values.status === 'active') await markRequestsScheduled(db, saved.id);
    await queueAdWindows({ id: saved.id, startsAt: values.startsAt, endsAt: values.endsAt });
    revalidateTags([tags.ads]);
    if (!existing) redirect(`/dashboard/ads/${saved.id}?saved=1`);
    return { status: 'ok', message: 'Ad saved. Pages show it now.' };
  },
);

/** The Pause / Resume and Delete buttons. */
export const changeAdAction = authorizedButtonAction(
  'ads:manage',
  z.object({ id: z.coerce.number().int().positive(), change: z.enum(['pause', 'resume', 'delete']) }),
  async ({ id, change }) => {
    const db = await getDb();
    const ad = await getAd(db, id);
    if (!ad) notFound();
    // An ad made from a booking request has no creative or target yet: it cannot run until it does.
    if (change === 'resume' && (!ad.imageUrl || !safeTargetUrl(ad.targetUrl)))
      redirect(`/dashboard/ads/${id}?incomplete=1`);
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
    revalidateTags([tags.ads]);
    redirect('/dashboard/ads');
  },
);

const requestLimit = { bucket: 'ad-request:ip', max: 5, windowMs: 60 * 60 * 1000 };

/** "Send request" on /advertise: anyone may ask, a few times an hour; a creative, if any, must fit the slot. */
export const requestAdSpaceAction = publicAction(adRequestSchema, async (data, formData): Promise<FormState> => {
  const db = await getDb();
  const ipHash = hashIp(clientIp(await headers()));
  const limited = await checkLimit(db, requestLimit, ipHash);
  if (limited.limited)
    return {
      status: 'error',
      message: 'You have sent several requests already: please try again in an hour, or write to us.',
    };
  const slot = await getSlot(db, data.slotId);
  if (!slot) return { status: 'error', message: 'Choose a slot.', fieldErrors: { slotId: 'Choose a slot.' } };
  const creative = formData.get('creative');
  let creativeUrl: string | null = null;
  if (creative instanceof File && creative.size > 0) {
    const saved = await saveImage(creative, 'creatives', { width: slot.width, height: slot.height });
    if (!saved.ok)
      return { status: 'error', message: 'Your request was not sent.', fieldErrors: { creative: saved.message } };
    creativeUrl = saved.url;
  }
  await insertAdRequest(db, { ...data, creativeUrl });
  await recordEvent(db, requestLimit, ipHash);
  return {
    status: 'ok',
    message: `Thank you, ${data.company}: we will reply to ${data.email} within two working days.`,
    values: {},
  };
});

/** Accept (creates a paused ad from the request) or decline a booking request. */
export const decideAdRequestAction = authorizedButtonAction(
  'ads:manage',
  z.object({ id: z.coerce.number().int().positive(), decision: z.enum(['accept', 'decline']) }),
  async ({ id, decision }) => {
    await decideAdRequest(await getDb(), id, decision);
    redirect('/dashboard/ads/requests');
  },
);
