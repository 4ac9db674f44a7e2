import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { ensureLabels, getPostForEditing, isSlugTaken } from '@/db/queries/dashboard-posts';
import { postLabels, postRevisions, posts } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { canEditPost, canPublishPost } from '@/lib/auth/permissions';
import { sanitizePostHtml } from '@/lib/sanitize/html';
import { slugify } from '@/lib/slug';
import { needsPublishRight, parseLocalDateTime, transition, type PostForm } from './editing';

export type SaveResult =
  | {
      ok: true;
      id: number;
      created: boolean;
      slugs: string[];
      listings: boolean;
      status: string;
      publishedAt: Date | null;
    }
  | { ok: false; forbidden?: true; notFound?: true; field?: string; message: string };

const messages = { notYours: 'You may not make that change to this post.' };

/**
 * Applies the editor's form to a post (new when form.id is empty): checks the person's rights on this post,
 * keeps the previous version of a published post as a revision, and writes it all in one transaction.
 */
export async function savePost(
  db: Database,
  user: CurrentUser,
  form: PostForm,
  coverImage: string | undefined,
  now = new Date(),
): Promise<SaveResult> {
  const existing = form.id ? await getPostForEditing(db, form.id) : null;
  if (form.id && (!existing || existing.deletedAt))
    return { ok: false, notFound: true, message: 'That post no longer exists.' };

  const subject = existing ?? { authorId: user.id, status: 'draft' as const };
  const allowed = needsPublishRight(form.intent) ? canPublishPost(user, subject) : canEditPost(user, subject);
  if (!allowed) return { ok: false, forbidden: true, message: messages.notYours };

  if (await isSlugTaken(db, form.slug, existing?.id)) {
    return { ok: false, field: 'slug', message: 'Another post already uses this slug. Choose a different one.' };
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
    ...(coverImage && { coverImage }),
    status: next.status,
    publishedAt: next.publishedAt,
    publishError: null,
    updatedAt: now,
    ...(next.rotatePreview && { previewSecret: crypto.randomUUID() }),
  };

  const id = await db.transaction(async (tx) => {
    let postId: number;
    if (existing) {
      const contentChanged =
        existing.title !== values.title || existing.excerpt !== values.excerpt || existing.bodyHtml !== values.bodyHtml;
      if (existing.status === 'published' && contentChanged) {
        await tx.insert(postRevisions).values({
          postId: existing.id,
          title: existing.title,
          excerpt: existing.excerpt,
          bodyHtml: existing.bodyHtml,
          savedBy: user.id,
          createdAt: now,
        });
      }
      await tx.update(posts).set(values).where(eq(posts.id, existing.id));
      postId = existing.id;
    } else {
      const [created] = await tx
        .insert(posts)
        .values({ ...values, authorId: user.id, createdAt: now })
        .returning({ id: posts.id });
      postId = created.id;
    }
    await tx.delete(postLabels).where(eq(postLabels.postId, postId));
    const labelIds = await ensureLabels(
      tx,
      form.labels.map((name) => ({ name, slug: slugify(name) })),
    );
    if (labelIds.length > 0) await tx.insert(postLabels).values(labelIds.map((labelId) => ({ postId, labelId })));
    return postId;
  });

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
  };
}
