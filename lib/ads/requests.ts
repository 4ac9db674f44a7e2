import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { getAdRequest, insertAdRequest } from '@/db/queries/ad-requests';
import { getSlot } from '@/db/queries/ads-admin';
import { adRequests, ads } from '@/db/schema';
import { sendMail } from '@/lib/mail';
import { giveBack, takeSlots } from '@/lib/rate-limit';
import { saveImage } from '@/lib/uploads/images';
import { adMessages } from './messages';
import { advertiserReportUrl } from './report-access';

const messages = adMessages.request;
const MAX_WEEKS = 52;

export const adRequestSchema = z.object({
  company: z.string().trim().min(1, messages.company).max(120),
  email: z.string().trim().toLowerCase().pipe(z.email(messages.email)),
  slotId: z.coerce.number({ error: messages.slot }).int().positive(messages.slot),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, messages.startDate)
    .refine((date) => date >= new Date().toISOString().slice(0, 10), messages.startDatePast),
  weeks: z.coerce
    .number({ error: messages.weeks })
    .int()
    .min(1, messages.weeksMin)
    .max(MAX_WEEKS, messages.weeksMax(MAX_WEEKS)),
  message: z.string().trim().max(2000, messages.message).default(''),
});
export type AdRequestInput = z.infer<typeof adRequestSchema>;

export const adRequestDecisions = ['accept', 'decline'] as const;
export type AdRequestDecision = (typeof adRequestDecisions)[number];

/** A request that was not taken, and why: for the whole form, and for its fields. */
export type Refusal = { ok: false; message: string; fieldErrors?: Record<string, string> };

/** The Mondays of the next `count` weeks, starting with this week's (UTC). */
export function upcomingWeeks(now: Date, count: number): Date[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: count }, (_, i) => new Date(monday + i * 7 * 86_400_000));
}

const requestLimit = { bucket: 'ad-request:ip', max: 5, windowMs: 60 * 60 * 1000 };

/**
 * A booking request from /advertise: anyone may ask, a few times an hour (counted per hashed address); a
 * creative, if any, must fit the slot.
 */
export async function requestAdSpace(
  db: Database,
  input: AdRequestInput,
  creative: File | null,
  ipHash: string,
): Promise<{ ok: true } | Refusal> {
  // Taken before the creative is stored, so a burst cannot fill the storage; given back if the request is refused.
  const taken = await takeSlots(db, [[requestLimit, ipHash]]);
  if (taken.limited) return { ok: false, message: messages.tooMany };
  const refuse = async (refusal: Refusal) => {
    await giveBack(db, taken.taken);
    return refusal;
  };
  const slot = await getSlot(db, input.slotId);
  if (!slot) return refuse({ ok: false, message: messages.slot, fieldErrors: { slotId: messages.slot } });
  let creativeUrl: string | null = null;
  if (creative && creative.size > 0) {
    const saved = await saveImage(creative, 'creatives', { width: slot.width, height: slot.height });
    if (!saved.ok) return refuse({ ok: false, message: messages.notSent, fieldErrors: { creative: saved.message } });
    creativeUrl = saved.url;
  }
  await insertAdRequest(db, { ...input, creativeUrl });
  return { ok: true };
}

/**
 * Accepting a request creates a paused ad filled in from it (the admin adds the creative and target, then
 * activates it); declining only records the decision. The advertiser hears of either by mail when SMTP is set.
 */
export async function decideAdRequest(db: Database, id: number, decision: AdRequestDecision): Promise<boolean> {
  const request = await getAdRequest(db, id);
  if (!request || request.status !== 'new') return false;
  if (decision === 'decline') {
    await db.update(adRequests).set({ status: 'declined' }).where(eq(adRequests.id, id));
  } else {
    const startsAt = new Date(`${request.startDate}T00:00:00Z`);
    await db.transaction(async (tx) => {
      const [ad] = await tx
        .insert(ads)
        .values({
          slotId: request.slotId,
          advertiser: request.company,
          imageUrl: request.creativeUrl ?? '',
          altText: `${request.company} advertisement`,
          headline: request.company,
          targetUrl: '',
          startsAt,
          endsAt: new Date(startsAt.getTime() + request.weeks * 7 * 86_400_000),
          status: 'paused',
        })
        .returning({ id: ads.id });
      await tx.update(adRequests).set({ status: 'accepted', adId: ad.id }).where(eq(adRequests.id, id));
    });
  }
  const mail =
    decision === 'accept'
      ? adMessages.mail.accepted(request.company, request.startDate, request.weeks)
      : adMessages.mail.declined(request.company);
  await sendMail({ to: [request.email], ...mail });
  return true;
}

/**
 * When the ad made from an accepted request is set to run, the request is scheduled and the advertiser gets the
 * dates and the private link to the ad's report.
 */
export async function markRequestsScheduled(db: Database, adId: number): Promise<void> {
  const scheduled = await db
    .update(adRequests)
    .set({ status: 'scheduled' })
    .where(and(eq(adRequests.adId, adId), eq(adRequests.status, 'accepted')))
    .returning({ email: adRequests.email, company: adRequests.company });
  if (scheduled.length === 0) return;
  const [ad] = await db
    .select({ startsAt: ads.startsAt, endsAt: ads.endsAt, reportToken: ads.reportToken })
    .from(ads)
    .where(eq(ads.id, adId));
  const reportUrl = advertiserReportUrl(ad.reportToken);
  for (const request of scheduled) {
    await sendMail({
      to: [request.email],
      ...adMessages.mail.scheduled(request.company, ad.startsAt, ad.endsAt, reportUrl),
    });
  }
}
