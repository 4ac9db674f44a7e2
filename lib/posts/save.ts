import 'server-only';
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { getPostForEditing, isSlugTaken } from '@/db/queries/dashboard-posts';
import { postRevisions, posts } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can, canDeletePost, canEditPost, canPublishPost } from '@/lib/auth/permissions';
import { sanitizePostHtml } from '@/lib/sanitize/html';
import { needsPublishRight, parseLocalDateTime, transition, type PostForm } from './editing';
import { postMessages, type PostStatus } from './messages';
import { UnknownLabelsError, writePost } from './write';

/** A refusal: the action answers 404 or 403, or shows the message (on `field` when there is one). */
type Refused = { ok: false; forbidden?: true; notFound?: true; field?: string; message: string };

/** What changed, for the cache: the post's slugs, and whether listings show (or showed) it. */
type Changed = { ok: true; slugs: string[]; listings: boolean };

export type SaveResult =
  | (Changed & {
      id: number;
      created: boolean;
      status: PostStatus;
      publishedAt: Date | null;
      /** It went live with this save (it was not published before): its followers may be mailed. */
      wentLive: boolean;
    })
  | Refused;

/**
 * Applies the editor's form to a post (new when form.id is empty): checks the person's rights on this post and
 * its labels, then writes it (writePost) in one transaction.
 */
export async function savePost(
  db: Database,
  user: CurrentUser,
  form: PostForm,
  coverImage: string | undefined,
  now = new Date(),
): Promise<SaveResult> {
  const existing = form.id ? await getPostForEditing(db, form.id) : null;
  if (form.id && (!existing || existing.deletedAt)) return { ok: false, notFound: true, message: postMessages.gone };

  const subject = existing ?? { authorId: user.id, status: 'draft' as const };
  const allowed = needsPublishRight(form.intent) ? canPublishPost(user, subject) : canEditPost(user, subject);
  if (!allowed) return { ok: false, forbidden: true, message: postMessages.notYours };

  if (await isSlugTaken(db, form.slug, existing?.id)) {
    return { ok: false, field: 'slug', message: postMessages.slugTaken };
  }
  const next = transition(form.intent, existing, parseLocalDateTime(form.scheduleAt, form.timezoneOffset), now);
  if (!next.ok) return { ok: false, field: next.field, message: next.message };

  const values = {
    title: form.title,
    slug: form.slug,
    excerpt: form.excerpt,
    bodyHtml: sanitizePostHtml(form.body),
    coverAlt: form.coverAlt,
    commentsMode: form.commentsMode,
    ...(form.emailFollowersShown && { emailFollowers: form.emailFollowers === 'yes' }),
    ...(coverImage && { coverImage }),
    status: next.status,
    publishedAt: next.publishedAt,
    publishError: null,
    updatedAt: now,
    ...(next.rotatePreview && { previewSecret: crypto.randomUUID() }),
  };
  // Only editors and admins add labels; everyone else picks among the site's.
  const labels = { names: form.labels, create: can(user.role, 'labels:manage') };

  let id: number;
  try {
    id = await db.transaction((tx) =>
      writePost(
        tx,
        existing ? { id: existing.id, savedBy: user.id, ...values } : { ...values, authorId: user.id, createdAt: now },
        labels,
      ),
    );
  } catch (error) {
    if (!(error instanceof UnknownLabelsError)) throw error;
    return { ok: false, field: 'labels', message: postMessages.unknownLabels(error.names) };
  }

  const wasLive = existing?.status === 'published';
  return {
    ok: true,
    id,
    created: !existing,
    slugs: [...new Set([form.slug, ...(existing ? [existing.slug] : [])])],
    // Listings (home, labels, feed, sitemap) change when a post goes live, leaves, or changes while live.
    listings: wasLive || next.status === 'published',
    status: next.status,
    publishedAt: next.publishedAt,
    wentLive: !wasLive && next.status === 'published',
  };
}

/** The editor's background save of a draft or a post in review: a live post changes only when someone presses Update. */
export async function autosavePost(db: Database, user: CurrentUser, form: PostForm): Promise<SaveResult> {
  const existing = form.id ? await getPostForEditing(db, form.id) : null;
  if (existing && existing.status !== 'draft' && existing.status !== 'review') {
    return { ok: false, message: postMessages.notAutosaved };
  }
  return savePost(db, user, { ...form, intent: 'save' }, undefined);
}

type StoredPost = NonNullable<Awaited<ReturnType<typeof getPostForEditing>>>;

/** The post, when it exists and `may` lets this person change it; else the refusal to answer with. */
async function postToChange(
  db: Database,
  user: CurrentUser,
  id: number,
  may: (actor: CurrentUser, post: StoredPost) => boolean,
): Promise<{ post: StoredPost; refused?: never } | { post?: never; refused: Refused }> {
  const post = await getPostForEditing(db, id);
  if (!post) return { refused: { ok: false, notFound: true, message: postMessages.gone } };
  if (!may(user, post)) return { refused: { ok: false, forbidden: true, message: postMessages.notYours } };
  return { post };
}

/** Moves a post to the trash (restorable for 30 days), or back out of it. */
export async function trashPost(
  db: Database,
  user: CurrentUser,
  id: number,
  restore: boolean,
  now = new Date(),
): Promise<Changed | Refused> {
  const { post, refused } = await postToChange(db, user, id, canDeletePost);
  if (refused) return refused;
  await db
    .update(posts)
    .set({ deletedAt: restore ? null : now, updatedAt: now })
    .where(eq(posts.id, id));
  return { ok: true, slugs: [post.slug], listings: post.status === 'published' };
}

/** Puts an earlier version's title, excerpt and body back; the current version becomes a revision itself. */
export async function restoreRevision(
  db: Database,
  user: CurrentUser,
  id: number,
  revisionId: number,
  now = new Date(),
): Promise<Changed | Refused> {
  const { post, refused } = await postToChange(db, user, id, canEditPost);
  if (refused) return refused;
  const [revision] = await db.select().from(postRevisions).where(eq(postRevisions.id, revisionId));
  if (!revision || revision.postId !== id) return { ok: false, notFound: true, message: postMessages.gone };
  await db.transaction(async (tx) => {
    await tx
      .insert(postRevisions)
      .values({ postId: id, title: post.title, excerpt: post.excerpt, bodyHtml: post.bodyHtml, savedBy: user.id });
    await tx
      .update(posts)
      .set({ title: revision.title, excerpt: revision.excerpt, bodyHtml: revision.bodyHtml, updatedAt: now })
      .where(eq(posts.id, id));
  });
  return { ok: true, slugs: [post.slug], listings: post.status === 'published' };
}
