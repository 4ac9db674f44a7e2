import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { ensureLabels, findLabelsBySlug } from '@/db/queries/dashboard-posts';
import { postLabels, postRevisions, posts } from '@/db/schema';
import { slugify } from '@/lib/slug';

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
 * Without `labels`, the post keeps the ones it has.
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
    .select({ status: posts.status, title: posts.title, excerpt: posts.excerpt, bodyHtml: posts.bodyHtml })
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
  return id;
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
