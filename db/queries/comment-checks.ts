import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { blockedCommenters, comments, posts } from '../schema';

/** A live post that may take comments, with what the rules need to know about it. */
export async function getCommentablePost(db: Database, postId: number) {
  const [post] = await db
    .select({
      id: posts.id,
      slug: posts.slug,
      publishedAt: posts.publishedAt,
      commentsMode: posts.commentsMode,
      title: posts.title,
    })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.status, 'published'), isNull(posts.deletedAt)));
  return post ? { ...post, publishedAt: post.publishedAt as Date } : null;
}

export async function isApprovedCommentOf(db: Database, commentId: number, postId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.postId, postId), eq(comments.status, 'approved')));
  return Boolean(row);
}

/** Whether one of `commentIds` (those a commenter's browser proves it wrote) was written with `email` and approved. */
export async function hasApprovedCommentAmong(db: Database, email: string, commentIds: number[]): Promise<boolean> {
  if (commentIds.length === 0) return false;
  const [row] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(inArray(comments.id, commentIds), eq(comments.authorEmail, email), eq(comments.status, 'approved')))
    .limit(1);
  return Boolean(row);
}

export async function blockedKinds(
  db: Database,
  email: string | null,
  ipHash: string,
): Promise<{ email: boolean; ip: boolean }> {
  const rows = await db
    .select({ kind: blockedCommenters.kind })
    .from(blockedCommenters)
    .where(
      or(
        and(eq(blockedCommenters.kind, 'ip'), eq(blockedCommenters.value, ipHash)),
        email ? and(eq(blockedCommenters.kind, 'email'), eq(blockedCommenters.value, email)) : sql`false`,
      ),
    );
  return { email: rows.some((r) => r.kind === 'email'), ip: rows.some((r) => r.kind === 'ip') };
}

/** The same text on the same post from the same person (email or network) since `since`. */
export async function isDuplicate(
  db: Database,
  postId: number,
  body: string,
  who: { email: string | null; ipHash: string },
  since: Date,
) {
  const [row] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.postId, postId),
        gte(comments.createdAt, since),
        sql`lower(trim(${comments.body})) = lower(trim(${body}))`,
        or(eq(comments.ipHash, who.ipHash), who.email ? eq(comments.authorEmail, who.email) : sql`false`),
        inArray(comments.status, ['pending', 'approved']),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** An approved comment on a live post, for the reply and report pages. */
export async function getApprovedComment(db: Database, commentId: number) {
  const [row] = await db
    .select({ id: comments.id, postId: comments.postId, authorName: comments.authorName, body: comments.body })
    .from(comments)
    .innerJoin(posts, and(eq(posts.id, comments.postId), eq(posts.status, 'published'), isNull(posts.deletedAt)))
    .where(and(eq(comments.id, commentId), eq(comments.status, 'approved')));
  return row ?? null;
}

/** A comment's id followed by its ancestors' up to the top level, for where a reply to it may go. */
export async function commentChain(db: Database, commentId: number): Promise<number[]> {
  const result = await db.execute(sql`
    with recursive chain (id, parent_id, n) as (
      select ${comments.id}, ${comments.parentId}, 1 from ${comments} where ${comments.id} = ${commentId}
      union all
      select c.id, c.parent_id, chain.n + 1 from ${comments} c join chain on c.id = chain.parent_id
    )
    select id from chain order by n`);
  // postgres-js answers the rows themselves, PGlite an object holding them.
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { id: number }[];
  return rows.map((row) => Number(row.id));
}
