import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../client';
import { comments } from '../schema';

export type PublicComment = {
  id: number;
  parentId: number | null;
  authorName: string;
  isStaff: boolean;
  body: string;
  createdAt: Date;
};

/**
 * A post's approved comments and the roots of its threads, as lib/comments/thread.ts builds them: a comment with no
 * parent, or whose parent is not shown, starts a thread. The one definition of a thread that both reads below use.
 * Only what places a comment is read here: a page joins back for the bodies of the comments it shows.
 */
function approvedThreads(postId: number) {
  return sql`
    approved as (
      select id, parent_id, created_at from ${comments}
      where post_id = ${postId} and status = 'approved'
    ),
    roots as (
      select a.id, a.created_at from approved a
      where a.parent_id is null or not exists (select 1 from approved p where p.id = a.parent_id)
    )`;
}

/**
 * One page of a post's approved comments, by thread: the `perPage` threads before the newest `skip`, each with all
 * its replies, oldest first; and how many threads and comments the post has in all; null past the last page. One
 * statement, so that an article's page reads its own comments rather than its thousands (lib/comments/thread.ts,
 * THREADS_PER_PAGE).
 */
export async function listApprovedCommentsPage(
  db: Database,
  postId: number,
  { skip, perPage }: { skip: number; perPage: number },
): Promise<{ comments: PublicComment[]; threads: number; total: number } | null> {
  const result = await db.execute(sql`
    with recursive ${approvedThreads(postId)},
    shown_roots as (select id from roots order by created_at desc, id desc limit ${perPage} offset ${skip}),
    -- union, not union all: a loop of parents (no importer makes one; a hand edit of the database can) ends instead
    -- of going round for ever.
    shown as (
      select id from shown_roots
      union
      select a.id from approved a join shown on a.parent_id = shown.id
    )
    select c.id, c.parent_id, c.author_name, c.author_user_id is not null as is_staff, c.body, c.created_at,
      (select count(*) from roots)::int as threads, (select count(*) from approved)::int as total
    from (select 1) as always
    left join (shown join ${comments} c using (id)) on true
    order by c.created_at, c.id
  `);
  type Row = {
    id: number | null;
    parent_id: number | null;
    author_name: string;
    is_staff: boolean;
    body: string;
    created_at: Date | string;
    threads: number;
    total: number;
  };
  const rows = rowsOf<Row>(result);
  // Past the last page: nothing, which the page cache does not keep (lib/cache/keep-only-found.ts), so no address
  // of a page that does not exist takes room in it.
  if (skip > 0 && rows[0].id === null) return null;
  return {
    comments: rows
      .filter((row) => row.id !== null)
      .map((row) => ({
        id: row.id!,
        parentId: row.parent_id,
        authorName: row.author_name,
        isStaff: row.is_staff,
        body: row.body,
        createdAt: new Date(row.created_at),
      })),
    threads: rows[0].threads,
    total: rows[0].total,
  };
}

/**
 * How many of a post's threads are newer than the one that holds this approved comment: the `skip` of the page
 * that shows it. Null for a comment that is not shown (held, of another post, or in a loop of parents).
 */
export async function countThreadsNewerThan(db: Database, postId: number, commentId: number): Promise<number | null> {
  const result = await db.execute(sql`
    with recursive ${approvedThreads(postId)},
    -- The comment and its shown ancestors, up to the root of its thread; union ends a loop of parents.
    chain as (
      select id, parent_id from approved where id = ${commentId}
      union
      select a.id, a.parent_id from approved a join chain on a.id = chain.parent_id
    ),
    root as (select roots.id, roots.created_at from roots join chain using (id))
    select (select count(*) from roots r where (r.created_at, r.id) > (root.created_at, root.id))::int as newer
    from root
  `);
  const [row] = rowsOf<{ newer: number }>(result);
  return row ? row.newer : null;
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
