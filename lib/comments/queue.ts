import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import {
  countPending,
  countQueues,
  listCommentedPosts,
  listModerationLog,
  listQueue,
  queues,
} from '@/db/queries/moderation';

export { queues, type Queue } from '@/db/queries/moderation';

const PER_PAGE = 50;

/** The queue page's address, read leniently: what does not parse falls back to the default. */
const queueFilterSchema = z.object({
  queue: z.enum(queues).catch('pending').default('pending'),
  post: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export function readQueueFilter(searchParams: Record<string, string | undefined>): QueueFilter {
  return queueFilterSchema.parse(searchParams);
}

/** One page of a moderation queue, with every queue's count and the posts that have comments (for the filter). */
export async function loadQueue({ queue, post, q, page }: QueueFilter) {
  const db = await getDb();
  const [counts, comments, commentedPosts] = await Promise.all([
    countQueues(db),
    listQueue(db, { queue, postId: post, search: q, page, perPage: PER_PAGE }),
    listCommentedPosts(db),
  ]);
  return { counts, comments, commentedPosts, hasMore: comments.length === PER_PAGE };
}
export type QueuePage = Awaited<ReturnType<typeof loadQueue>>;

/** The latest moderation decisions, newest first. */
export async function loadModerationLog() {
  return listModerationLog(await getDb());
}
export type ModerationLogEntry = Awaited<ReturnType<typeof loadModerationLog>>[number];

/** How many comments wait for a moderator (the dashboard menu's badge). */
export async function pendingCount(): Promise<number> {
  return countPending(await getDb());
}
