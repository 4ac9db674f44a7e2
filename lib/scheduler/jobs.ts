import 'server-only';
import { sql } from 'drizzle-orm';
import { pruneViews } from '@/db/queries/ad-stats';
import { pruneDrafts } from '@/lib/comments/drafts';
import { notifyModerators } from '@/lib/comments/moderation';
import { queueMissedReplyMails, sendReplyMail } from '@/lib/comments/reply-mail';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import type { JobData, JobInput } from '@/lib/jobs/jobs';
import { refreshAfterImport, runImportJob } from '@/lib/import/imports';
import { enqueue, pruneProgress, startQueue, type Queue } from '@/lib/jobs/queue';
import { pruneEvents } from '@/lib/rate-limit';
import { queueFollowerMail, queueMissedFollowerMail } from '@/lib/subscribers/mailing';
import { sendDailyDigests } from '@/lib/subscribers/digest';
import { sendPostToFollowers } from '@/lib/subscribers/send';
import { adWindowsChanged, upcomingAdWindows, type AdWindow } from './ad-windows';
import { revalidateThroughServer } from './revalidate-through-server';
import { emptyOldTrash, publishDuePosts, publishPost, upcomingPosts } from './publish-due';

/** Refreshes the cached pages a job's change shows on. */
export type Revalidate = (change: JobData<'revalidate'>) => Promise<void>;

/**
 * Starts the process's queue with the scheduler's workers (instrumentation.ts), and sweeps once: posts whose time
 * came while the server was down go out now.
 */
export async function startScheduler({ pollingIntervalSeconds }: { pollingIntervalSeconds: number }): Promise<void> {
  const queue = await startQueue({ background: true, pollingIntervalSeconds });
  await workSchedulerJobs(queue, revalidateThroughServer);
  await enqueue('sweep', {}, { singletonKey: 'sweep' });
  await enqueue('vacuum', {}, { singletonKey: 'vacuum' });
}

/** Registers the scheduler's handlers on a queue; `revalidate` is how the 'revalidate' job refreshes pages. */
export async function workSchedulerJobs(queue: Queue, revalidate: Revalidate): Promise<void> {
  await queue.work('publish-post', async ({ postId, at }) => {
    // Due by the job's own time too: pg-boss reads the database's clock, this is the server's.
    const published = await publishPost(await getDb(), postId, latest(new Date(), new Date(at)));
    if (published) {
      await enqueue('revalidate', { posts: [published.slug] });
      await queueFollowerMail(await getDb(), published.id);
    }
  });
  await queue.work('email-post', async ({ postId }) => {
    const report = await sendPostToFollowers(await getDb(), postId, { ratePerSecond: env().MAIL_RATE_PER_SECOND });
    // Thrown, so pg-boss tries again later (with backoff) for the deliveries a mail server deferred.
    if (report.deferred > 0) throw new Error(`${report.deferred} deliveries deferred (4xx): trying again later`);
  });
  await queue.work('email-reply', async ({ replyId }) => {
    // Thrown, so pg-boss tries again later (with backoff) when the mail server deferred it.
    if ((await sendReplyMail(await getDb(), replyId)) === 'deferred') throw new Error('reply mail deferred (4xx)');
  });
  await queue.work('ad-window', async ({ at }) => {
    const since = new Date(Date.parse(at) - 1);
    if (await adWindowsChanged(await getDb(), since, latest(new Date(), new Date(at))))
      await enqueue('revalidate', { ads: true });
  });
  await queue.work('email-digest', async () => void (await sendDailyDigests(await getDb())));
  await queue.work('sweep', () => sweep());
  await queue.work('vacuum', async () => {
    if (!env().DATABASE_URL) await (await getDb()).execute(sql`vacuum analyze`);
  });
  await queue.work('revalidate', revalidate);
  await queue.work('import', async ({ importId }, job) => {
    const summary = await runImportJob(await getDb(), importId, job.progress);
    if (summary) await refreshAfterImport(summary);
  });
}

/**
 * Publishes what is overdue (missed while the server was down, or whose job was lost), makes sure every upcoming
 * post and ad window has its job, and prunes rows past their use.
 */
async function sweep(now = new Date()): Promise<void> {
  const db = await getDb();
  // A post that fails records why on itself (the dashboard shows it) and is tried again at the next sweep.
  const { published } = await publishDuePosts(db, now);
  if (published.length > 0) await enqueue('revalidate', { posts: published.map((post) => post.slug) });
  for (const post of published) await queueFollowerMail(db, post.id);
  await queueMissedFollowerMail(db, now);
  await queueMissedReplyMails(db, now);
  for (const post of await upcomingPosts(db, now)) await queuePublication(post);
  for (const ad of await upcomingAdWindows(db, now)) await queueAdWindows(ad, now);
  await emptyOldTrash(db, now);
  await pruneEvents(db, 24 * 60 * 60 * 1000, now);
  await pruneDrafts(db, now);
  // Comments held while the last moderator mail was too recent are announced once it is old enough.
  await notifyModerators(db, now);
  await pruneViews(db);
  await pruneProgress(now);
}

/**
 * A scheduled post's job, due at its time; scheduling it again (a new time) moves the one job. If sending fails, the
 * post is still scheduled in the database and the next sweep (within five minutes) queues it.
 */
export async function queuePublication(post: { id: number; publishedAt: Date }): Promise<void> {
  await sendOrLog(
    'publish-post',
    { postId: post.id, at: post.publishedAt.toISOString() },
    post.publishedAt,
    `post:${post.id}`,
  );
}

/** The jobs that re-render ad pages when an ad starts and when it ends (those still to come). */
export async function queueAdWindows(ad: AdWindow, now = new Date()): Promise<void> {
  const edges = [
    ['start', ad.startsAt],
    ['end', ad.endsAt],
  ] as const;
  for (const [edge, at] of edges) {
    if (at && at > now) await sendOrLog('ad-window', { at: at.toISOString() }, at, `ad:${ad.id}:${edge}`);
  }
}

async function sendOrLog<N extends 'publish-post' | 'ad-window'>(
  name: N,
  data: JobInput<N>,
  startAfter: Date,
  singletonKey: string,
): Promise<void> {
  try {
    await enqueue(name, data, { startAfter, singletonKey });
  } catch (error) {
    console.error(`scheduler: could not queue ${name} (${singletonKey}); the next sweep will`, error);
  }
}

function latest(a: Date, b: Date): Date {
  return a > b ? a : b;
}
