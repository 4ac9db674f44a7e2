import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { labels, postLabels, posts, users, type Post } from '../schema';

export type LabelRef = { name: string; slug: string };
export type AuthorRef = { name: string; slug: string };
export type PostSummary = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  coverImage: string | null;
  coverAlt: string;
  publishedAt: Date;
  updatedAt: Date;
  author: AuthorRef;
  labels: LabelRef[];
};
export type PostDetail = PostSummary & {
  bodyHtml: string;
  authorBio: string;
  authorImage: string | null;
  commentsMode: Post['commentsMode'];
};

/** A label's page lists the label alone; the other listings may narrow by author and dates together. */
export type PostFilter =
  | { labelSlug: string; authorSlug?: undefined; from?: undefined; to?: undefined }
  | { labelSlug?: undefined; authorSlug?: string; from?: Date; to?: Date };

/**
 * Published and not in the trash: the only posts readers ever see. The status is written into the SQL, not sent as a
 * parameter, so that a prepared statement's generic plan can still use the partial indexes made for exactly this.
 */
export const isLive = and(sql`${posts.status} = 'published'`, isNull(posts.deletedAt))!;

const summaryColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  coverImage: posts.coverImage,
  coverAlt: posts.coverAlt,
  publishedAt: posts.publishedAt,
  updatedAt: posts.updatedAt,
  authorName: users.name,
  authorSlug: users.slug,
};

function filterConditions(filter: PostFilter): SQL[] {
  const conditions: SQL[] = [isLive];
  // A scalar subquery, so the planner reads the author's posts from their index in date order.
  if (filter.authorSlug)
    conditions.push(
      eq(posts.authorId, sql`(select ${users.id} from ${users} where ${users.slug} = ${filter.authorSlug})`),
    );
  if (filter.from) conditions.push(gte(posts.publishedAt, filter.from));
  if (filter.to) conditions.push(lt(posts.publishedAt, filter.to));
  return conditions;
}

/**
 * The ids of one page of a listing, newest first, read from an index alone: a label's from its label rows
 * (which carry their post's live date), the others from the live posts.
 */
function pageOfIds(db: Database, filter: PostFilter, limit: number, offset: number) {
  const newestFirst =
    filter.labelSlug !== undefined
      ? db
          .select({ id: postLabels.postId })
          .from(postLabels)
          .where(
            and(
              eq(
                postLabels.labelId,
                sql`(select ${labels.id} from ${labels} where ${labels.slug} = ${filter.labelSlug})`,
              ),
              isNotNull(postLabels.livePublishedAt),
            ),
          )
          .orderBy(desc(postLabels.livePublishedAt), desc(postLabels.postId))
          .$dynamic()
      : db
          .select({ id: posts.id })
          .from(posts)
          .where(and(...filterConditions(filter)))
          .orderBy(desc(posts.publishedAt), desc(posts.id))
          .$dynamic();
  return newestFirst.limit(limit).offset(offset).as('page_ids');
}

/** A post's labels by name, as one JSON column of the row (postgres.js and PGlite both parse json). */
const labelsOfPost = sql<LabelRef[]>`(
  select coalesce(json_agg(json_build_object('name', ${labels.name}, 'slug', ${labels.slug}) order by ${labels.name}), '[]'::json)
  from ${postLabels} inner join ${labels} on ${labels.id} = ${postLabels.labelId}
  where ${postLabels.postId} = ${posts.id}
)`;

/**
 * One page of published posts, newest first; `hasMore` says whether an older page exists. The page's ids come
 * first, from the index alone, so a deep page (/page/900) skips its offset without reading those posts or their
 * authors; then its rows, authors and labels arrive in the same statement.
 */
export async function listPublishedPosts(
  db: Database,
  { limit, offset = 0, ...filter }: PostFilter & { limit: number; offset?: number },
): Promise<PageOfPosts> {
  return postsOfPage(db, pageOfIds(db, filter, limit + 1, offset), limit);
}

/**
 * One page of the published posts whose title, excerpt or body holds the words of a reader's search, newest first.
 * The words are read as a web search box reads them (`websearch_to_tsquery`: "quoted phrases", or, -word), stemmed
 * as English, so "repairs" finds "repairing"; no input is a syntax error. A search of stop words alone finds nothing.
 */
export async function searchPublishedPosts(
  db: Database,
  { words, limit, offset = 0 }: { words: string; limit: number; offset?: number },
): Promise<PageOfPosts> {
  const pageIds = db
    .select({ id: posts.id })
    .from(posts)
    .where(and(isLive, sql`${posts.searchWords} @@ websearch_to_tsquery('english', ${words})`))
    .orderBy(desc(posts.publishedAt), desc(posts.id))
    .limit(limit + 1)
    .offset(offset)
    .as('page_ids');
  return postsOfPage(db, pageIds, limit);
}

export type PageOfPosts = { posts: PostSummary[]; hasMore: boolean };

/** The posts of a page of ids (one more than the page holds, to tell whether another page follows). */
async function postsOfPage(db: Database, pageIds: ReturnType<typeof pageOfIds>, limit: number): Promise<PageOfPosts> {
  const rows = await db
    .select({ ...summaryColumns, labels: labelsOfPost })
    .from(pageIds)
    .innerJoin(posts, eq(posts.id, pageIds.id))
    .innerJoin(users, eq(users.id, posts.authorId))
    .orderBy(desc(posts.publishedAt), desc(posts.id));
  return {
    posts: rows.slice(0, limit).map(({ labels: postLabelRefs, ...row }) => toSummary(row, postLabelRefs)),
    hasMore: rows.length > limit,
  };
}

export async function getPublishedPostBySlug(db: Database, slug: string): Promise<PostDetail | null> {
  return (await postDetails(db, and(isLive, eq(posts.slug, slug))!))?.detail ?? null;
}

/** Any post, whatever its status, for the preview page (which checks the preview link's signature itself). */
export async function getPostForPreview(db: Database, id: number) {
  return postDetails(db, and(eq(posts.id, id), isNull(posts.deletedAt))!);
}

async function postDetails(db: Database, where: SQL) {
  const [row] = await db
    .select({
      ...summaryColumns,
      bodyHtml: posts.bodyHtml,
      authorBio: users.bio,
      authorImage: users.image,
      status: posts.status,
      previewSecret: posts.previewSecret,
      commentsMode: posts.commentsMode,
    })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(where)
    .limit(1);
  if (!row) return null;
  const labelsByPost = await labelsForPosts(db, [row.id]);
  const detail: PostDetail = {
    ...toSummary(row, labelsByPost.get(row.id) ?? []),
    bodyHtml: row.bodyHtml,
    authorBio: row.authorBio,
    authorImage: row.authorImage,
    commentsMode: row.commentsMode,
  };
  return { detail, status: row.status, previewSecret: row.previewSecret };
}

/** The bodies of the given live posts (a feed's whole posts); drafts and the trash are never returned. */
export async function listPublishedBodies(db: Database, ids: number[]): Promise<{ id: number; bodyHtml: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: posts.id, bodyHtml: posts.bodyHtml })
    .from(posts)
    .where(and(isLive, inArray(posts.id, ids)));
}

/** Slug and dates of published posts, newest first: for static params, the sitemap and the feed. */
export async function listPublishedPostDates(db: Database, limit?: number) {
  const query = db
    .select({ slug: posts.slug, publishedAt: posts.publishedAt, updatedAt: posts.updatedAt })
    .from(posts)
    .where(isLive)
    .orderBy(desc(posts.publishedAt), desc(posts.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt as Date }));
}

export type PostAddress = { slug: string; publishedAt: Date };

/**
 * The live posts just before and after this one in date order (ties by id, as the listings order them), for the
 * article's "Newer post / Older post" links; null at either end. Each is one step along the live-post index.
 */
export async function getAdjacentPublishedPosts(
  db: Database,
  post: { id: number; publishedAt: Date },
): Promise<{ newer: PostAddress | null; older: PostAddress | null }> {
  const position = sql`(${post.publishedAt.toISOString()}::timestamptz, ${post.id}::int)`;
  const step = (newer: boolean) =>
    db
      .select({ slug: posts.slug, publishedAt: posts.publishedAt })
      .from(posts)
      .where(
        and(
          isLive,
          newer
            ? sql`(${posts.publishedAt}, ${posts.id}) > ${position}`
            : sql`(${posts.publishedAt}, ${posts.id}) < ${position}`,
        ),
      )
      .orderBy(...(newer ? [asc(posts.publishedAt), asc(posts.id)] : [desc(posts.publishedAt), desc(posts.id)]))
      .limit(1);
  const [[newer], [older]] = await Promise.all([step(true), step(false)]);
  const address = (row?: { slug: string; publishedAt: Date | null }) =>
    row ? { slug: row.slug, publishedAt: row.publishedAt as Date } : null;
  return { newer: address(newer), older: address(older) };
}

/**
 * Slug and publication date of the given posts (by id or by slug) that have gone out, live now or not: the
 * addresses a change to them may still be cached under. Scheduled posts have not gone out yet.
 */
export async function listPublishedDatesOf(
  db: Database,
  { ids = [], slugs = [] }: { ids?: number[]; slugs?: string[] },
  now = new Date(),
) {
  if (ids.length === 0 && slugs.length === 0) return [];
  const rows = await db
    .select({ slug: posts.slug, publishedAt: posts.publishedAt })
    .from(posts)
    .where(
      and(
        lte(posts.publishedAt, now),
        or(ids.length ? inArray(posts.id, ids) : undefined, slugs.length ? inArray(posts.slug, slugs) : undefined),
      ),
    );
  return rows.map((row) => ({ slug: row.slug, publishedAt: row.publishedAt as Date }));
}

export async function labelsForPosts(db: Database, postIds: number[]): Promise<Map<number, LabelRef[]>> {
  const byPost = new Map<number, LabelRef[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db
    .select({ postId: postLabels.postId, name: labels.name, slug: labels.slug })
    .from(postLabels)
    .innerJoin(labels, eq(labels.id, postLabels.labelId))
    .where(inArray(postLabels.postId, postIds))
    .orderBy(asc(labels.name));
  for (const { postId, name, slug } of rows) {
    byPost.set(postId, [...(byPost.get(postId) ?? []), { name, slug }]);
  }
  return byPost;
}

function toSummary(
  row: Omit<PostSummary, 'author' | 'labels' | 'publishedAt'> & {
    publishedAt: Date | null;
    authorName: string;
    authorSlug: string;
  },
  postLabelRefs: LabelRef[],
): PostSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    coverImage: row.coverImage,
    coverAlt: row.coverAlt,
    // Published posts always have a date (the publish rule sets it).
    publishedAt: row.publishedAt as Date,
    updatedAt: row.updatedAt,
    author: { name: row.authorName, slug: row.authorSlug },
    labels: postLabelRefs,
  };
}
