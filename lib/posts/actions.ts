'use server';

import { forbidden, notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { authorizedAction, authorizedButtonAction } from '@/lib/actions';
import { revalidatePost } from '@/lib/cache/revalidate';
import { formValues } from '@/lib/form-state';
import { queuePublication } from '@/lib/scheduler/jobs';
import { queueFollowerMail } from '@/lib/subscribers/mailing';
import { saveImage } from '@/lib/uploads/images';
import { previewPathOf } from './dashboard-queries';
import { postFormSchema } from './editing';
import { doneMessage, postMessages } from './messages';
import { autosavePost, restoreRevision, savePost, trashPost } from './save';

/** A refusal the person cannot fix in the form: the 404 or 403 page. */
function refuse(result: { notFound?: true; forbidden?: true }) {
  if (result.forbidden) forbidden();
  if (result.notFound) notFound();
}

export const savePostAction = authorizedAction(
  'posts:write',
  postFormSchema,
  async (form, user, formData) => {
    const cover = formData.get('cover');
    let coverImage: string | undefined;
    if (cover instanceof File && cover.size > 0) {
      const saved = await saveImage(cover, 'covers');
      if (!saved.ok)
        return { status: 'error', message: postMessages.notSaved(), fieldErrors: { cover: saved.message } };
      coverImage = saved.url;
    }

    const result = await savePost(await getDb(), user, form, coverImage);
    if (!result.ok) {
      refuse(result);
      return {
        status: 'error',
        message: postMessages.notSaved(result.message),
        ...(result.field && { fieldErrors: { [result.field]: result.message } }),
      };
    }
    revalidatePost(result);
    if (result.wentLive) await queueFollowerMail(await getDb(), result.id);
    if (result.status === 'scheduled' && result.publishedAt)
      await queuePublication({ id: result.id, publishedAt: result.publishedAt });
    if (form.intent === 'preview') redirect(await previewPathOf(result.id));
    // A new post gets its own address, so a reload or a second save edits it rather than making another.
    if (result.created) redirect(`/dashboard/posts/${result.id}?saved=${result.status}`);
    return {
      status: 'ok',
      message: doneMessage(form.intent, result.status),
      values: { ...formValues(formData), slug: form.slug },
    };
  },
  { invalidMessage: postMessages.invalid },
);

/**
 * Saves a draft in the background while the author types: the editor's script calls it with the form as "Save
 * draft" would send it, and gets back the post's id for the saves that follow. Only drafts and posts in review: a
 * live post changes only when someone presses Update.
 */
export const autosaveAction = authorizedAction('posts:write', postFormSchema, async (form, user) => {
  const result = await autosavePost(await getDb(), user, form);
  if (!result.ok) return { status: 'error', message: result.message };
  // Nothing public changed (drafts are never shown), so nothing is revalidated: the editor is not re-rendered
  // under the author's hands.
  return { status: 'ok', values: { id: String(result.id) } };
});

const postIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** Moves a post to the trash (restorable for 30 days), or back. */
export const trashPostAction = authorizedButtonAction(
  'posts:write',
  postIdSchema.extend({ restore: z.string().optional() }),
  async ({ id, restore }, user) => {
    const result = await trashPost(await getDb(), user, id, Boolean(restore));
    if (!result.ok) return refuse(result);
    revalidatePost(result);
    redirect(restore ? `/dashboard/posts/${id}` : '/dashboard/posts?trashed=1');
  },
);

/** Puts an earlier version's title, excerpt and body back (the current version becomes a revision itself). */
export const restoreRevisionAction = authorizedButtonAction(
  'posts:write',
  postIdSchema.extend({ revisionId: z.coerce.number().int().positive() }),
  async ({ id, revisionId }, user) => {
    const result = await restoreRevision(await getDb(), user, id, revisionId);
    if (!result.ok) return refuse(result);
    revalidatePost(result);
    redirect(`/dashboard/posts/${id}?saved=restored`);
  },
);
