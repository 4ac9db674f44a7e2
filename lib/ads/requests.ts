import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { getAdRequest } from '@/db/queries/ad-requests';
import { adRequests, ads } from '@/db/schema';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/mail';

const MAX_WEEKS = 52;

export const adRequestSchema = z.object({
  company: z.string().trim().min(1, 'Tell us your company’s name.').max(120),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address we can reply to.')),
  slotId: z.coerce.number({ error: 'Choose a slot.' }).int().positive('Choose a slot.'),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a start date.')
    .refine((date) => date >= new Date().toISOString().slice(0, 10), 'Choose a start date from today on.'),
  weeks: z.coerce
    .number({ error: 'Enter a number of weeks.' })
    .int()
    .min(1, 'At least one week.')
    .max(MAX_WEEKS, `At most ${MAX_WEEKS} weeks.`),
  message: z.string().trim().max(2000, 'Keep the message under 2,000 characters.').default(''),
});

/** The Mondays of the next `count` weeks, starting with this week's (UTC). */
export function upcomingWeeks(now: Date, count: number): Date[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: count }, (_, i) => new Date(monday + i * 7 * 86_400_000));
}

/**
 * Accepting a request creates a paused ad filled in from it (the admin adds the creative and target, then
 * activates it); declining only records the decision. The advertiser hears of either by mail when SMTP is set.
 */
export async function decideAdRequest(db: Database, id: number, decision: 'accept' | 'decline'): Promise<boolean> {
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
  await sendMail({
    to: [request.email],
    subject: decision === 'accept' ? 'Your ad booking is accepted' : 'About your ad booking',
    text:
      decision === 'accept'
        ? `Thank you, ${request.company}: we will run your ad from ${request.startDate} for ${request.weeks} week(s).`
        : `Thank you, ${request.company}: we cannot take this booking. Reply to this mail to find other dates.`,
  });
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
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : 'until further notice');
  const reportUrl = new URL(`/ads/report/${ad.reportToken}`, env().SITE_URL).toString();
  for (const request of scheduled) {
    await sendMail({
      to: [request.email],
      subject: 'Your ad is scheduled',
      text: `Thank you, ${request.company}: your ad runs from ${day(ad.startsAt)} to ${day(ad.endsAt)}.\nIts figures, day by day: ${reportUrl}`,
    });
  }
}
