import { and, count, desc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { commentReports, comments, commentStatus, moderationLog, posts, users } from '../schema';

const [pending, ...decided] = commentStatus.enumValues;
/** A queue per comment status, and the approved comments readers reported, shown after the pending ones. */
export const queues = [pending, 'reported', ...decided] as const;
export type Queue = (typeof queues)[number];

const openReport = (commentId: typeof comments.id) =>
  exists(
    sql`(select 1 from ${commentReports} where ${commentReports.commentId} = ${commentId} and ${commentReports.resolvedAt} is null)`,
  );

function queueCondition(queue: Queue): SQL {
  if (queue === 'reported') return and(eq(comments.status, 'approved'), openReport(comments.id))!;
  return eq(comments.status, queue);
}

export async function countQueues(db: Database): Promise<Record<Queue, number>> {
  const [byStatus, [reported]] = await Promise.all([
    db.select({ status: comments.status, n: count() }).from(comments).groupBy(comments.status),
    db.select({ n: count() }).from(comments).where(queueCondition('reported')),
  ]);
  const counts = Object.fromEntries(queues.map((q) => [q, 0])) as Record<Queue, number>;
  for (const row of byStatus) counts[row.status] = Number(row.n);
  counts.reported = Number(reported.n);
  return counts;
}

export async function countPending(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(comments).where(eq(comments.status, 'pending'));
  return Number(row.n);
}

export type QueueFilter = { queue: Queue; postId?: number; search?: string; page: number; perPage: number };

export async function listQueue(db: Database, filter: QueueFilter) {
  const conditions = [queueCondition(filter.queue)];
  if (filter.postId) conditions.push(eq(comments.postId, filter.postId));
  if (filter.search) {
    const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(comments.body, like), ilike(comments.authorName, like), ilike(comments.authorEmail, like))!,
    );
  }
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      authorUserId: comments.authorUserId,
      ipHash: comments.ipHash,
      status: comments.status,
      reason: comments.reason,
      createdAt: comments.createdAt,
      postId: posts.id,
      postTitle: posts.title,
      reports: sql<
        string[]
      >`coalesce((select array_agg(${commentReports.reason}) from ${commentReports} where ${commentReports.commentId} = ${comments.id} and ${commentReports.resolvedAt} is null), '{}')`,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(and(...conditions))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(filter.perPage)
    .offset((filter.page - 1) * filter.perPage);
  return rows;
}

/** The posts that have comments, for the queue's post filter. */
export async function listCommentedPosts(db: Database) {
  return db
    .selectDistinct({ id: posts.id, title: posts.title })
    .from(posts)
    .innerJoin(comments, eq(comments.postId, posts.id))
    .orderBy(posts.title);
}

export async function commentsByIds(db: Database, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: comments.id,
      postId: comments.postId,
      status: comments.status,
      authorEmail: comments.authorEmail,
      ipHash: comments.ipHash,
      slug: posts.slug,
    })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(inArray(comments.id, ids));
}

export async function listModerationLog(db: Database, limit = 200) {
  return db
    .select({
      id: moderationLog.id,
      action: moderationLog.action,
      detail: moderationLog.detail,
      createdAt: moderationLog.createdAt,
      commentId: moderationLog.commentId,
      actorName: users.name,
    })
    .from(moderationLog)
    .leftJoin(users, eq(users.id, moderationLog.actorId))
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(limit);
}
