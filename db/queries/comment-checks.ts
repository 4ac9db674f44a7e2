import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../client';
import { comments, posts } from '../schema';

/** What the comment rules need to know of a post, and which posts take comments at all: the live ones. */
const commentablePostFields = {
  id: posts.id,
  slug: posts.slug,
  publishedAt: posts.publishedAt,
  commentsMode: posts.commentsMode,
  title: posts.title,
};
const isCommentable = (postId: number) =>
  and(eq(posts.id, postId), eq(posts.status, 'published'), isNull(posts.deletedAt));

/** A live post that may take comments, with what the rules need to know about it. */
export async function getCommentablePost(db: Database, postId: number) {
  const [post] = await db.select(commentablePostFields).from(posts).where(isCommentable(postId));
  return post ? { ...post, publishedAt: post.publishedAt as Date } : null;
}

export type CommentChecks = {
  /** The comment being answered is an approved comment of this post (true when it is not a reply). */
  parentApproved: boolean;
  /** One of the comments the commenter's browser proves it wrote was written with this email and approved. */
  knownCommenter: boolean;
  /** The same text on the same post from the same person (email or network) since `since`. */
  duplicate: boolean;
  blockedEmail: boolean;
  blockedIp: boolean;
};

/**
 * Everything the rules ask the database about a comment being submitted, in one statement: the post (null when it
 * is not live) and the checks of CommentChecks. A rush of comments queues behind the database, so each one costs it
 * one read here instead of one per question.
 */
export async function readCommentChecks(
  db: Database,
  c: {
    postId: number;
    parentId?: number;
    body: string;
    email: string | null;
    ipHash: string;
    provenCommentIds: number[];
    since: Date;
  },
) {
  const email = c.email ?? '';
  // Written out with aliases: inside a select's fields drizzle names columns without their table, and these
  // subqueries must tell a comment's post_id from the post's own id.
  const proven = c.provenCommentIds.length > 0 ? sql`c.id in ${c.provenCommentIds}` : sql`false`;
  const [row] = await db
    .select({
      ...commentablePostFields,
      parentApproved: c.parentId
        ? sql<boolean>`exists (select 1 from comments c
            where c.id = ${c.parentId} and c.post_id = ${c.postId} and c.status = 'approved')`
        : sql<boolean>`true`,
      knownCommenter: sql<boolean>`exists (select 1 from comments c
        where ${proven} and c.author_email = ${email} and c.status = 'approved')`,
      duplicate: sql<boolean>`exists (select 1 from comments c
        where c.post_id = ${c.postId} and md5(lower(trim(c.body))) = md5(lower(trim(${c.body})))
          and c.created_at >= ${c.since.toISOString()}::timestamptz and lower(trim(c.body)) = lower(trim(${c.body}))
          and (c.ip_hash = ${c.ipHash} or c.author_email = ${email}) and c.status in ('pending', 'approved'))`,
      blockedEmail: sql<boolean>`exists (select 1 from blocked_commenters b
        where b.kind = 'email' and b.value = ${email})`,
      blockedIp: sql<boolean>`exists (select 1 from blocked_commenters b where b.kind = 'ip' and b.value = ${c.ipHash})`,
    })
    .from(posts)
    .where(isCommentable(c.postId));
  if (!row) return null;
  const { parentApproved, knownCommenter, duplicate, blockedEmail, blockedIp, ...post } = row;
  const checks: CommentChecks = { parentApproved, knownCommenter, duplicate, blockedEmail, blockedIp };
  return { post: { ...post, publishedAt: post.publishedAt as Date }, checks };
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
  return rowsOf<{ id: number }>(result).map((row) => Number(row.id));
}
