import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { ensureLabels, findLabelsBySlug } from '@/db/queries/dashboard-posts';
import { labels as labelsTable, postLabels, postRevisions, posts } from '@/db/schema';
import { getSiteSettings } from '@/db/queries/settings';
import { saveRedirects } from '@/lib/redirects/write';
import { slugify } from '@/lib/slug';
import { postPath } from './permalink';

type Columns = Omit<typeof posts.$inferInsert, 'id' | 'searchWords'>;

/** A new post with its columns, or changes to a stored post, with who made them (for the revision they may keep). */
export type PostWrite = Columns | ({ id: number; savedBy: string | null } & Partial<Columns>);

/** A post's labels by name; `create` lets names the site does not have yet become labels (labels:manage). */
export type PostLabels = { names: string[]; create: boolean };

/** Names that are not labels, from someone who may not create labels. */
export class UnknownLabelsError extends Error {
  constructor(readonly names: string[]) {
    super(`No such labels: ${names.join(', ')}`);
    this.name = 'UnknownLabelsError';
  }
}

/**
 * Writes one post and its labels: the one place a post is inserted or changed, for the editor, the scheduler and
 * the demo seed alike. Run it inside the caller's transaction: it throws UnknownLabelsError, which undoes the
 * write. A change to the title, excerpt or body of a published post keeps the version it replaces as a revision.
 * Without `labels`, the post keeps the ones it has. A live post whose address changes (its slug, or its month)
 * leaves a redirect from the old address to the new one.
 */
export async function writePost(tx: Database, post: PostWrite, labels?: PostLabels): Promise<number> {
  const id = 'id' in post ? await updatePost(tx, post) : await insertPost(tx, post);
  if (labels) await setLabels(tx, id, labels);
  return id;
}

async function insertPost(tx: Database, values: Columns): Promise<number> {
  const [created] = await tx.insert(posts).values(values).returning({ id: posts.id });
  return created.id;
}

async function updatePost(
  tx: Database,
  { id, savedBy, ...values }: { id: number; savedBy: string | null } & Partial<Columns>,
): Promise<number> {
  // Locked, so that two saves at once each keep the version they really replace.
  const [before] = await tx
    .select({
      status: posts.status,
      title: posts.title,
      excerpt: posts.excerpt,
      bodyHtml: posts.bodyHtml,
      slug: posts.slug,
      publishedAt: posts.publishedAt,
      deletedAt: posts.deletedAt,
    })
    .from(posts)
    .where(eq(posts.id, id))
    .for('update');
  if (!before) throw new Error(`There is no post ${id} to change.`);
  const contentChanged = (['title', 'excerpt', 'bodyHtml'] as const).some(
    (field) => values[field] !== undefined && values[field] !== before[field],
  );
  if (before.status === 'published' && contentChanged) {
    await tx.insert(postRevisions).values({
      postId: id,
      title: before.title,
      excerpt: before.excerpt,
      bodyHtml: before.bodyHtml,
      savedBy,
      createdAt: values.updatedAt,
    });
  }
  await tx.update(posts).set(values).where(eq(posts.id, id));
  await redirectOldAddress(tx, before, { ...before, ...values });
  return id;
}

type Address = Pick<Columns, 'status' | 'slug' | 'publishedAt' | 'deletedAt'>;

/** A post live before and after a change, at another address now: readers of the old one are sent on. */
async function redirectOldAddress(tx: Database, before: Address, after: Address): Promise<void> {
  const live = (post: Address) => post.status === 'published' && !post.deletedAt && post.publishedAt;
  if (!live(before) || !live(after)) return;
  if (before.slug === after.slug && before.publishedAt!.getTime() === after.publishedAt!.getTime()) return;
  const { timeZone } = await getSiteSettings(tx);
  const [fromPath, toPath] = [before, after].map((post) =>
    postPath({ slug: post.slug, publishedAt: post.publishedAt! }, timeZone),
  );
  if (fromPath !== toPath) await saveRedirects(tx, [{ fromPath, toPath, source: 'slug_change' }]);
}

async function setLabels(tx: Database, postId: number, { names, create }: PostLabels): Promise<void> {
  const wanted = names.map((name) => ({ name, slug: slugify(name) }));
  const labelIds = create ? await ensureLabels(tx, wanted) : await existingLabelIds(tx, wanted);
  await tx.delete(postLabels).where(eq(postLabels.postId, postId));
  if (labelIds.length > 0) await tx.insert(postLabels).values(labelIds.map((labelId) => ({ postId, labelId })));
}

async function existingLabelIds(tx: Database, wanted: { name: string; slug: string }[]): Promise<number[]> {
  const found = await findLabelsBySlug(
    tx,
    wanted.map((label) => label.slug),
  );
  const known = new Set(found.map((label) => label.slug));
  const unknown = wanted.filter((label) => !known.has(label.slug)).map((label) => label.name);
  if (unknown.length > 0) throw new UnknownLabelsError(unknown);
  return found.map((label) => label.id);
}

/**
 * Inserts many new posts with their labels in a few statements for the lot (the importer's batches), where
 * writePost takes four a post: one multi-row insert of the posts, one of the labels missing, one lookup, one insert
 * of their links. New posts have no revision to keep and no old address to redirect. Returns their ids, in order.
 */
export async function insertPosts(tx: Database, batch: { post: Columns; labels: PostLabels }[]): Promise<number[]> {
  if (batch.length === 0) return [];
  // Postgres returns the rows of a multi-row VALUES in the order given, which pairs each id with its post.
  const ids = (
    await tx
      .insert(posts)
      .values(batch.map(({ post }) => post))
      .returning({ id: posts.id })
  ).map((row) => row.id);
  const wanted = new Map<string, { name: string; slug: string }>();
  for (const { labels } of batch)
    for (const name of labels.names) wanted.set(slugify(name), { name, slug: slugify(name) });
  if (wanted.size === 0) return ids;
  const creating = batch.filter(({ labels }) => labels.create).flatMap(({ labels }) => labels.names.map(slugify));
  if (creating.length > 0)
    await tx
      .insert(labelsTable)
      .values([...new Set(creating)].map((slug) => wanted.get(slug)!))
      .onConflictDoNothing();
  const found = new Map((await findLabelsBySlug(tx, [...wanted.keys()])).map((label) => [label.slug, label.id]));
  const links = batch.flatMap(({ labels }, index) => {
    const unknown = labels.names.filter((name) => !found.has(slugify(name)));
    if (unknown.length > 0) throw new UnknownLabelsError(unknown);
    const labelIds = new Set(labels.names.map((name) => found.get(slugify(name))!));
    return [...labelIds].map((labelId) => ({ postId: ids[index], labelId }));
  });
  if (links.length > 0) await tx.insert(postLabels).values(links);
  return ids;
}
