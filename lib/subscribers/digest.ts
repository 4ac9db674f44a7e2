import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { getSiteSettings } from '@/db/queries/settings';
import { postSends, subscribers } from '@/db/schema';
import { rowsOf } from '@/db/client';
import type { Database } from '@/lib/db';
import { env } from '@/lib/env';
import { deliver, type Delivery, type Mail } from '@/lib/mail';
import { digestMail } from './story-mail';
import { BOUNCING_AFTER, loadStory } from './send';

const DAY = 24 * 60 * 60 * 1000;
/** Stories older than this are left out of a digest (a digest missed for days does not become a backlog). */
const LOOKBACK_DAYS = 7;

/**
 * The daily digest: each confirmed subscriber who chose "one digest a day" gets one mail with the stories mailed to
 * followers since they confirmed (within a week) that they follow and have not had. Each (post, subscriber) row is
 * claimed before the mail goes, as for single stories, so a story reaches an address once whichever way, and a
 * digest run again (a retry, another instance) sends nothing twice.
 */
export async function sendDailyDigests(
  db: Database,
  { now = new Date(), send = deliver }: { now?: Date; send?: (mail: Mail) => Promise<Delivery> } = {},
): Promise<{ digests: number }> {
  const { title: siteTitle, mailFullText } = await getSiteSettings(db);
  const options = { siteTitle, siteUrl: env().SITE_URL, fullText: mailFullText };
  const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY);
  let digests = 0;
  for (let after = 0; ;) {
    const readers = await db
      .select({ id: subscribers.id, email: subscribers.email, confirmedAt: subscribers.confirmedAt })
      .from(subscribers)
      .where(and(eq(subscribers.status, 'confirmed'), eq(subscribers.frequency, 'daily'), gt(subscribers.id, after)))
      .orderBy(asc(subscribers.id))
      .limit(100);
    if (readers.length === 0) break;
    after = readers[readers.length - 1].id;
    for (const reader of readers) {
      const postIds = await claimStories(db, reader.id, maxDate(since, reader.confirmedAt));
      if (postIds.length === 0) continue;
      const stories = (await Promise.all(postIds.map((id) => loadStory(db, id)))).filter((story) => story !== null);
      const delivery = await send(digestMail(stories, reader, options));
      await recordDigest(db, reader.id, postIds, delivery);
      if (delivery.ok) digests++;
    }
  }
  return { digests };
}

const maxDate = (a: Date, b: Date | null) => (b && b > a ? b : a);

async function claimStories(db: Database, subscriberId: number, since: Date): Promise<number[]> {
  const result = await db.execute(sql`
    insert into post_sends (post_id, subscriber_id, status)
    select p.id, s.id, 'claimed' from posts p, subscribers s
    where s.id = ${subscriberId} and p.status = 'published' and p.deleted_at is null
      and p.email_queued_at > ${since.toISOString()}
      and (s.whole_site or exists (
        select 1 from subscriber_labels sl join post_labels pl on pl.label_id = sl.label_id
        where sl.subscriber_id = s.id and pl.post_id = p.id))
    order by p.email_queued_at
    on conflict do nothing
    returning post_id`);
  return rowsOf<{ post_id: number }>(result).map((row) => Number(row.post_id));
}

/** One answer for the whole digest: its stories are sent or failed together, and a 5xx counts once. */
async function recordDigest(db: Database, subscriberId: number, postIds: number[], delivery: Delivery): Promise<void> {
  const rows = and(eq(postSends.subscriberId, subscriberId), inArray(postSends.postId, postIds));
  if (delivery.ok) {
    await db.update(postSends).set({ status: 'sent', attempts: 1, sentAt: new Date() }).where(rows);
    return;
  }
  await db.update(postSends).set({ status: 'failed', attempts: 1, error: delivery.reason }).where(rows);
  if (delivery.permanent)
    await db
      .update(subscribers)
      .set({
        permanentFailures: sql`${subscribers.permanentFailures} + 1`,
        status: sql`case when ${subscribers.permanentFailures} + 1 >= ${BOUNCING_AFTER} then 'bouncing'::subscriber_status else ${subscribers.status} end`,
      })
      .where(eq(subscribers.id, subscriberId));
}
