import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { comments } from '../schema';

export type PublicComment = {
  id: number;
  parentId: number | null;
  authorName: string;
  isStaff: boolean;
  body: string;
  createdAt: Date;
};

/** Approved comments of a post, oldest first (threads are built from parentId by lib/comments/thread). */
export async function listApprovedComments(db: Database, postId: number): Promise<PublicComment[]> {
  return db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorName: comments.authorName,
      isStaff: sql<boolean>`${comments.authorUserId} is not null`,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(and(eq(comments.postId, postId), eq(comments.status, 'approved')))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

/** Approved comment counts by post id; posts without comments are absent. */
export async function countApprovedComments(db: Database, postIds: number[]): Promise<Record<number, number>> {
  if (postIds.length === 0) return {};
  const rows = await db
    .select({ postId: comments.postId, count: count() })
    .from(comments)
    .where(and(inArray(comments.postId, postIds), eq(comments.status, 'approved')))
    .groupBy(comments.postId);
  return Object.fromEntries(rows.map((row) => [row.postId, Number(row.count)]));
}
