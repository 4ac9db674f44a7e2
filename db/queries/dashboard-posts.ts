import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../client';
import { labels, postLabels, postRevisions, posts, users, type Post } from '../schema';

export type DashboardFilter = {
  status?: Post['status'];
  authorId?: string;
  /** Restricts the list to one author's posts (people who may not see others' work). */
  onlyAuthorId?: string;
  search?: string;
  trash?: boolean;
  page: number;
  perPage: number;
};

export async function listDashboardPosts(db: Database, filter: DashboardFilter) {
  const conditions: SQL[] = [filter.trash ? isNotNull(posts.deletedAt) : isNull(posts.deletedAt)];
  if (filter.status) conditions.push(eq(posts.status, filter.status));
  if (filter.authorId) conditions.push(eq(posts.authorId, filter.authorId));
  if (filter.onlyAuthorId) conditions.push(eq(posts.authorId, filter.onlyAuthorId));
  if (filter.search) conditions.push(ilike(posts.title, `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: posts.id,
        title: posts.title,
        slug: posts.slug,
        status: posts.status,
        publishedAt: posts.publishedAt,
        updatedAt: posts.updatedAt,
        deletedAt: posts.deletedAt,
        publishError: posts.publishError,
        authorId: posts.authorId,
        authorName: users.name,
      })
      .from(posts)
      .innerJoin(users, eq(users.id, posts.authorId))
      .where(where)
      .orderBy(desc(posts.updatedAt), desc(posts.id))
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage),
    db.select({ total: count() }).from(posts).where(where),
  ]);
  return { posts: rows, total: Number(total) };
}

export type EditablePost = Post & { labels: string[]; authorName: string };

export async function getPostForEditing(db: Database, id: number): Promise<EditablePost | null> {
  const [row] = await db
    .select({ post: posts, authorName: users.name })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, id));
  if (!row) return null;
  const postLabelRows = await db
    .select({ name: labels.name })
    .from(postLabels)
    .innerJoin(labels, eq(labels.id, postLabels.labelId))
    .where(eq(postLabels.postId, id))
    .orderBy(asc(labels.name));
  return { ...row.post, authorName: row.authorName, labels: postLabelRows.map((l) => l.name) };
}

/** The secret a post's preview links are signed with. */
export async function getPreviewSecret(db: Database, id: number): Promise<string | null> {
  const [row] = await db.select({ previewSecret: posts.previewSecret }).from(posts).where(eq(posts.id, id));
  return row?.previewSecret ?? null;
}

export async function isSlugTaken(db: Database, slug: string, exceptPostId?: number): Promise<boolean> {
  const [row] = await db.select({ id: posts.id }).from(posts).where(eq(posts.slug, slug));
  return Boolean(row && row.id !== exceptPostId);
}

export async function listPostAuthors(db: Database) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(posts, eq(posts.authorId, users.id))
    .orderBy(asc(users.name));
}

export async function listRevisions(db: Database, postId: number) {
  return db
    .select({
      id: postRevisions.id,
      title: postRevisions.title,
      excerpt: postRevisions.excerpt,
      bodyHtml: postRevisions.bodyHtml,
      createdAt: postRevisions.createdAt,
      savedByName: users.name,
    })
    .from(postRevisions)
    .leftJoin(users, eq(users.id, postRevisions.savedBy))
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.createdAt), desc(postRevisions.id));
}

/** The labels that exist among these slugs. */
export async function findLabelsBySlug(db: Database, slugs: string[]): Promise<{ id: number; slug: string }[]> {
  if (slugs.length === 0) return [];
  return db.select({ id: labels.id, slug: labels.slug }).from(labels).where(inArray(labels.slug, slugs));
}

/** Label ids for names, creating the labels that do not exist yet. */
export async function ensureLabels(db: Database, names: { name: string; slug: string }[]): Promise<number[]> {
  if (names.length === 0) return [];
  await db.insert(labels).values(names).onConflictDoNothing();
  const rows = await findLabelsBySlug(
    db,
    names.map((n) => n.slug),
  );
  return rows.map((r) => r.id);
}
