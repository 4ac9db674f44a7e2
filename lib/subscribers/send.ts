import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getSiteSettings } from '@/db/queries/settings';
import { postSends, posts, subscribers, users } from '@/db/schema';
import type { Database } from '@/lib/db';
import { env } from '@/lib/env';
import { deliver, type Delivery, type Mail } from '@/lib/mail';
import { postPath } from '@/lib/posts/permalink';
import { storyMail, type Story } from './story-mail';

/** Permanent (5xx) failures in a row that make an address bouncing: it is skipped from then on. */
export const BOUNCING_AFTER = 3;

export type SendOptions = {
  /** Mails per second at most; 0: as fast as the SMTP pool takes them. */
  ratePerSecond?: number;
  /** Mails in flight at once (the pool has five connections). */
  concurrency?: number;
  /** Tries a temporary (4xx) failure gets, over the job's retries, before it counts as failed. */
  maxAttempts?: number;
  /**
   * Rows claimed per statement (by default, as many as go out at once): a crash leaves at most this many claimed
   * without knowing whether their mail went.
   */
  batch?: number;
  /** How one mail goes out: the pooled SMTP transport, unless a test stands in a crash. */
  send?: (mail: Mail) => Promise<Delivery>;
};
export type SendReport = { sent: number; failed: number; deferred: number };

type Recipient = { id: number; email: string; status: string; attempts: number; permanentFailures: number };

/** postgres-js answers the rows themselves, PGlite an object holding them. */
const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** What a claim reads of each recipient's subscriber row (`s`), beside the send's attempts. */
const recipientColumns = sql`s.id, s.email, s.status, s.permanent_failures`;
const recipientsOf = (result: unknown): Recipient[] =>
  rowsOf<Record<string, unknown>>(result).map((row) => ({
    id: Number(row.id),
    email: String(row.email),
    status: String(row.status),
    attempts: Number(row.attempts),
    permanentFailures: Number(row.permanent_failures),
  }));

/**
 * Mails a published post to its followers: confirmed subscribers of the whole site, or of one of its labels, each
 * address once. Every (post, subscriber) row is claimed (inserted; the primary key refuses a second) before its mail
 * goes, so two runners never send the same mail, and a run killed half-way is resumed by the job's retry with only
 * the addresses never claimed: an address claimed just before the kill may or may not have its mail, and is never
 * sent it twice (the dashboard lists it as interrupted, for "Resend to failed"). Temporary failures are deferred to
 * the job's next try (backoff); the returned report says how many wait.
 */
export async function sendPostToFollowers(
  db: Database,
  postId: number,
  options: SendOptions = {},
): Promise<SendReport> {
  const { concurrency = 5, maxAttempts = 5, ratePerSecond = 0, send = deliver } = options;
  const batch = options.batch ?? concurrency;
  const story = await loadStory(db, postId);
  const report: SendReport = { sent: 0, failed: 0, deferred: 0 };
  if (!story) return report;
  const { title: siteTitle, mailFullText } = await getSiteSettings(db);
  const mailOptions = { siteTitle, siteUrl: env().SITE_URL, fullText: mailFullText };
  const pace = pacer(ratePerSecond);

  // Each row is written as soon as its mail is answered: a crash leaves in doubt only the mails in flight.
  const deliverAll = async (recipients: Recipient[]) => {
    await inParallel(recipients, concurrency, async (recipient) => {
      if (recipient.status !== 'confirmed') {
        const left = { ok: false, permanent: false, reason: 'left before delivery' } as const;
        return recordFailure(db, postId, recipient, left, 1, report);
      }
      await pace();
      const delivery = await send(storyMail(story, recipient, mailOptions));
      if (!delivery.ok) return recordFailure(db, postId, recipient, delivery, maxAttempts, report);
      await recordSent(db, postId, recipient);
      report.sent++;
    });
  };
  // Deliveries deferred by an earlier try go once in this one; then new addresses, a batch at a time.
  await deliverAll(await retakeDeferred(db, postId));
  // A cursor over subscriber ids, so each claim reads on from the last instead of from the start.
  for (let after = 0; ;) {
    const claimed = await claimBatch(db, postId, batch, after);
    if (claimed.length === 0) break;
    after = Math.max(...claimed.map((recipient) => recipient.id));
    await deliverAll(claimed);
  }
  return report;
}

/** A live post as a mail tells it; null once it is unpublished or in the trash. */
export async function loadStory(db: Database, postId: number): Promise<Story | null> {
  const [post] = await db
    .select({
      title: posts.title,
      slug: posts.slug,
      publishedAt: posts.publishedAt,
      excerpt: posts.excerpt,
      bodyHtml: posts.bodyHtml,
      coverImage: posts.coverImage,
      coverAlt: posts.coverAlt,
      author: users.name,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.id, postId), eq(posts.status, 'published'), isNull(posts.deletedAt)));
  if (!post?.publishedAt) return null;
  const { timeZone } = await getSiteSettings(db);
  const url = `${env().SITE_URL}${postPath({ slug: post.slug, publishedAt: post.publishedAt }, timeZone)}`;
  return { ...post, url };
}

/** Who follows a post: confirmed, mailed each story, following the site or one of the post's labels. */
const followersOf = (postId: number) => sql`
  s.status = 'confirmed' and s.frequency = 'each'
  and (s.whole_site or exists (
    select 1 from subscriber_labels sl join post_labels pl on pl.label_id = sl.label_id
    where sl.subscriber_id = s.id and pl.post_id = ${postId}))`;

/**
 * Claims the next followers (by id, after `after`) not yet claimed for this post (insert … on conflict do nothing):
 * each row once, ever, whoever else is sending.
 */
async function claimBatch(db: Database, postId: number, size: number, after: number): Promise<Recipient[]> {
  const result = await db.execute(sql`
    with claimed as (
      insert into post_sends (post_id, subscriber_id, status)
      select ${postId}, s.id, 'claimed' from subscribers s
      where s.id > ${after} and ${followersOf(postId)}
        and not exists (select 1 from post_sends ps where ps.post_id = ${postId} and ps.subscriber_id = s.id)
      order by s.id
      limit ${size}
      on conflict do nothing
      returning subscriber_id, attempts
    )
    select ${recipientColumns}, claimed.attempts from claimed join subscribers s on s.id = claimed.subscriber_id`);
  return recipientsOf(result);
}

/** Takes back this post's deferred deliveries (a temporary failure on an earlier try), each by one runner. */
async function retakeDeferred(db: Database, postId: number): Promise<Recipient[]> {
  const result = await db.execute(sql`
    with taken as (
      update post_sends set status = 'claimed', claimed_at = now()
      where post_id = ${postId} and status = 'deferred'
      returning subscriber_id, attempts
    )
    select ${recipientColumns}, taken.attempts from taken join subscribers s on s.id = taken.subscriber_id`);
  return recipientsOf(result);
}

/** Marks a delivered row sent, and ends its address's run of permanent failures (a second write only then). */
async function recordSent(db: Database, postId: number, recipient: Recipient): Promise<void> {
  await db
    .update(postSends)
    .set({ status: 'sent', attempts: sql`${postSends.attempts} + 1`, error: null, sentAt: new Date() })
    .where(and(eq(postSends.postId, postId), eq(postSends.subscriberId, recipient.id)));
  if (recipient.permanentFailures > 0)
    await db.update(subscribers).set({ permanentFailures: 0 }).where(eq(subscribers.id, recipient.id));
}

/** Writes a failed delivery, and keeps the address's count of permanent failures in a row. */
async function recordFailure(
  db: Database,
  postId: number,
  recipient: Recipient,
  delivery: Extract<Delivery, { ok: false }>,
  maxAttempts: number,
  report: SendReport,
): Promise<void> {
  const attempts = recipient.attempts + 1;
  const row = and(eq(postSends.postId, postId), eq(postSends.subscriberId, recipient.id));
  const final = delivery.permanent || attempts >= maxAttempts;
  report[final ? 'failed' : 'deferred']++;
  await db
    .update(postSends)
    .set({ status: final ? 'failed' : 'deferred', attempts, error: delivery.reason })
    .where(row);
  if (delivery.permanent)
    await db
      .update(subscribers)
      .set({
        permanentFailures: sql`${subscribers.permanentFailures} + 1`,
        status: sql`case when ${subscribers.permanentFailures} + 1 >= ${BOUNCING_AFTER} and ${subscribers.status} = 'confirmed' then 'bouncing'::subscriber_status else ${subscribers.status} end`,
      })
      .where(eq(subscribers.id, recipient.id));
}

/** Runs `work` over the items, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Waits so that calls come at most `perSecond` a second (none with 0), evenly spaced, across batches. */
function pacer(perSecond: number): () => Promise<void> {
  if (perSecond <= 0) return async () => {};
  const gap = 1000 / perSecond;
  let nextAt = Date.now();
  return async () => {
    const at = Math.max(nextAt, Date.now());
    nextAt = at + gap;
    const wait = at - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}
