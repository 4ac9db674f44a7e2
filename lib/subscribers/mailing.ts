import 'server-only';
import { and, between, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { postSends, posts, subscribers } from '@/db/schema';
import type { Database } from '@/lib/db';
import { enqueue } from '@/lib/jobs/queue';
import { mailEnabled } from '@/lib/mail';

/** A claimed row older than this, not yet sent, was interrupted (its server stopped between claim and answer). */
const INTERRUPTED_AFTER_MS = 15 * 60 * 1000;

/**
 * Called when a post goes live (the editor's Publish, the scheduler): queues its mail to followers, once in the
 * post's life. The post's email_queued_at is set in the same statement that checks it, so publishing again, an
 * update, or the editor and the scheduler at once never queue a second mailing; with "Email to followers" off,
 * or no SMTP_URL, nothing is queued.
 */
export async function queueFollowerMail(db: Database, postId: number, now = new Date()): Promise<boolean> {
  if (!mailEnabled()) return false;
  const [marked] = await db
    .update(posts)
    .set({ emailQueuedAt: now })
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.emailFollowers, true),
        isNull(posts.emailQueuedAt),
        eq(posts.status, 'published'),
        isNull(posts.deletedAt),
      ),
    )
    .returning({ id: posts.id });
  if (!marked) return false;
  try {
    await enqueue('email-post', { postId }, { singletonKey: `email-post:${postId}` });
  } catch (error) {
    // Unmarked again, so the sweep's catch-up (below) queues the mailing instead of it being lost for good.
    await db.update(posts).set({ emailQueuedAt: null }).where(eq(posts.id, postId));
    throw error;
  }
  return true;
}

/** How long after going live a post whose mailing was never queued is still sent (not a stale story days later). */
const CATCH_UP_MS = 60 * 60 * 1000;

/**
 * For the scheduler's sweep: queues the mailing of posts that went live in the last hour without one — the server
 * stopped between publishing and queueing, or the queue refused the job. Returns the posts queued.
 */
export async function queueMissedFollowerMail(db: Database, now = new Date()): Promise<number[]> {
  if (!mailEnabled()) return [];
  const missed = await db
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        eq(posts.status, 'published'),
        eq(posts.emailFollowers, true),
        isNull(posts.emailQueuedAt),
        isNull(posts.deletedAt),
        between(posts.publishedAt, new Date(now.getTime() - CATCH_UP_MS), now),
      ),
    );
  const queued = [];
  for (const { id } of missed) if (await queueFollowerMail(db, id, now)) queued.push(id);
  return queued;
}

/** "Resend to failed": failed and interrupted deliveries of a post go again (as deferred ones), in a new job. */
export async function resendFailed(db: Database, postId: number, now = new Date()): Promise<number> {
  const rows = await db
    .update(postSends)
    .set({ status: 'deferred', attempts: 0 })
    .where(
      and(
        eq(postSends.postId, postId),
        or(
          eq(postSends.status, 'failed'),
          and(eq(postSends.status, 'claimed'), lt(postSends.claimedAt, new Date(now.getTime() - INTERRUPTED_AFTER_MS))),
        ),
      ),
    )
    .returning({ id: postSends.subscriberId });
  if (rows.length > 0) await enqueue('email-post', { postId }, { singletonKey: `email-post:${postId}` });
  return rows.length;
}

export type SendingReport = {
  queued: boolean;
  sent: number;
  /** Every address the post was or is being sent to. */
  total: number;
  failed: number;
  waiting: number;
  failures: { email: string; error: string }[];
};

/** A post's mailing, for its dashboard page: "Sent to N of M", and the failures with the mail server's reasons. */
export async function sendingReport(db: Database, postId: number): Promise<SendingReport> {
  const [post] = await db.select({ queuedAt: posts.emailQueuedAt }).from(posts).where(eq(posts.id, postId));
  const byStatus = await db
    .select({ status: postSends.status, n: count() })
    .from(postSends)
    .where(eq(postSends.postId, postId))
    .groupBy(postSends.status);
  const n = (status: string) => Number(byStatus.find((row) => row.status === status)?.n ?? 0);
  const failures = await db
    .select({ email: subscribers.email, error: sql<string>`coalesce(${postSends.error}, 'interrupted')` })
    .from(postSends)
    .innerJoin(subscribers, eq(subscribers.id, postSends.subscriberId))
    .where(and(eq(postSends.postId, postId), or(eq(postSends.status, 'failed'), eq(postSends.status, 'deferred'))))
    .orderBy(desc(postSends.claimedAt))
    .limit(50);
  return {
    queued: Boolean(post?.queuedAt),
    sent: n('sent'),
    total: byStatus.reduce((sum, row) => sum + Number(row.n), 0),
    failed: n('failed'),
    waiting: n('deferred') + n('claimed'),
    failures,
  };
}
