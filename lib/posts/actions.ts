'use server';

import { eq } from 'drizzle-orm';
import { forbidden, notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { getPostForEditing } from '@/db/queries/dashboard-posts';
import { postRevisions, posts } from '@/db/schema';
import { authorizedButtonAction } from '@/lib/actions';
import { canDeletePost, canEditPost } from '@/lib/auth/permissions';
import { revalidatePost } from '@/lib/cache/revalidate';
import { fieldErrorsOf, formValues, type FormState } from '@/lib/form-state';
import { requirePermission } from '@/lib/auth/current-user';
import { queuePublication } from '@/lib/scheduler/jobs';
import { saveImage } from '@/lib/uploads/images';
import { postFormSchema } from './editing';
import { createPreviewToken } from './preview';
import { savePost } from './save';

/** What the author is told, by what they pressed and where the post ended up. */
function doneMessage(intent: string, status: string): string {
  if (intent === 'unpublish') return 'Unpublished: readers no longer see it.';
  if (intent === 'save' && status === 'published') return 'Updated: the live post shows the change.';
  if (intent === 'save' && status === 'scheduled') return 'Updated: the scheduled post will go out with this version.';
  return (
    {
      draft: 'Draft saved.',
      review: 'Submitted for review. An editor will publish it.',
      scheduled: 'Scheduled.',
      published: 'Published. It is live now.',
    }[status] ?? 'Saved.'
  );
}

export async function savePostAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requirePermission('posts:write');
  const values = formValues(formData);
  const parsed = postFormSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'The post was not saved: please correct the marked fields.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  }
  const cover = formData.get('cover');
  let coverImage: string | undefined;
  if (cover instanceof File && cover.size > 0) {
    const saved = await saveImage(cover, 'covers');
    if (!saved.ok)
      return { status: 'error', message: 'The post was not saved.', fieldErrors: { cover: saved.message }, values };
    coverImage = saved.url;
  }

  const result = await savePost(await getDb(), user, parsed.data, coverImage);
  if (!result.ok) {
    if (result.forbidden) forbidden();
    if (result.notFound) notFound();
    return {
      status: 'error',
      message: `The post was not saved: ${result.message}`,
      ...(result.field && { fieldErrors: { [result.field]: result.message } }),
      values,
    };
  }
  revalidatePost({ slugs: result.slugs, listings: result.listings });
  if (result.status === 'scheduled' && result.publishedAt)
    await queuePublication({ id: result.id, publishedAt: result.publishedAt });
  if (parsed.data.intent === 'preview') redirect(await previewPath(result.id));
  const message = doneMessage(parsed.data.intent, result.status);
  // A new post gets its own address, so a reload or a second save edits it rather than making another.
  if (result.created) redirect(`/dashboard/posts/${result.id}?saved=${result.status}`);
  return { status: 'ok', message, values: { ...values, slug: parsed.data.slug } };
}

async function previewPath(id: number): Promise<string> {
  const [post] = await (
    await getDb()
  )
    .select({ previewSecret: posts.previewSecret })
    .from(posts)
    .where(eq(posts.id, id));
  return `/preview/${createPreviewToken(id, post.previewSecret)}`;
}

/**
 * Saves a draft in the background while the author types. Only drafts (and posts in review): a live post
 * changes only when someone presses Update.
 */
export async function autosaveAction(
  formData: FormData,
): Promise<{ ok: true; id: number; savedAt: string } | { ok: false; message: string }> {
  const user = await requirePermission('posts:write');
  const parsed = postFormSchema.safeParse({ ...formValues(formData), intent: 'save' });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const db = await getDb();
  if (parsed.data.id) {
    const existing = await getPostForEditing(db, parsed.data.id);
    if (existing && existing.status !== 'draft' && existing.status !== 'review') {
      return { ok: false, message: 'Live posts are not autosaved: press Update to publish your changes.' };
    }
  }
  const result = await savePost(db, user, parsed.data, undefined);
  if (!result.ok) return { ok: false, message: result.message };
  // Nothing public changed (drafts are never shown), so nothing is revalidated: the editor is not re-rendered
  // under the author's hands.
  return { ok: true, id: result.id, savedAt: new Date().toISOString() };
}

const postIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** Moves a post to the trash (restorable for 30 days), or back. */
export const trashPostAction = authorizedButtonAction(
  'posts:write',
  postIdSchema.extend({ restore: z.string().optional() }),
  async ({ id, restore }, user) => {
    const db = await getDb();
    const post = await getPostForEditing(db, id);
    if (!post) notFound();
    if (!canDeletePost(user, post)) forbidden();
    await db
      .update(posts)
      .set({ deletedAt: restore ? null : new Date(), updatedAt: new Date() })
      .where(eq(posts.id, id));
    revalidatePost({ slugs: [post.slug], listings: post.status === 'published' });
    redirect(restore ? `/dashboard/posts/${id}` : '/dashboard/posts?trashed=1');
  },
);

/** Puts an earlier version's title, excerpt and body back (the current version becomes a revision itself). */
export const restoreRevisionAction = authorizedButtonAction(
  'posts:write',
  postIdSchema.extend({ revisionId: z.coerce.number().int().positive() }),
  async ({ id, revisionId }, user) => {
    const db = await getDb();
    const post = await getPostForEditing(db, id);
    if (!post) notFound();
    if (!canEditPost(user, post)) forbidden();
    const [revision] = await db.select().from(postRevisions).where(eq(postRevisions.id, revisionId));
    if (!revision || revision.postId !== id) notFound();
    await db.transaction(async (tx) => {
      await tx
        .insert(postRevisions)
        .values({ postId: id, title: post.title, excerpt: post.excerpt, bodyHtml: post.bodyHtml, savedBy: user.id });
      await tx
        .update(posts)
        .set({ title: revision.title, excerpt: revision.excerpt, bodyHtml: revision.bodyHtml, updatedAt: new Date() })
        .where(eq(posts.id, id));
    });
    revalidatePost({ slugs: [post.slug], listings: post.status === 'published' });
    redirect(`/dashboard/posts/${id}?saved=restored`);
  },
);
