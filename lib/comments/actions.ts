'use server';

import 'server-only';
import { refresh } from 'next/cache';
import { after } from 'next/server';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { authorizedButtonAction, publicAction } from '@/lib/actions';
import { getCurrentUser } from '@/lib/auth/current-user';
import { revalidateComments } from '@/lib/cache/revalidate';
import type { FormState } from '@/lib/form-state';
import { postPath } from '@/lib/posts/permalink';
import { getSettings } from '@/lib/settings/queries';
import { clientIp, hashIp } from '@/lib/request/client-address';
import { COMMENTER_PROOF_COOKIE, commenterProofCookie, proofWith, provenCommentIds } from './commenter-proof';
import { issueFormToken } from './form-token';
import { commentablePostPath } from './comment-page';
import { discardDraft, draftValues, saveDraft } from './drafts';
import { commentMessages } from './messages';
import { blockCommenter, decisions, moderate, notifyModeratorsSoon, reportComment, undoDecision } from './moderation';
import { commentFormSchema, submitComment } from './submit';

/** `proof`: the commenter-proof cookie's new value, for the form to have kept (app/api/comments/proof). */
export type CommentFormState = FormState & { token?: string; proof?: string };

/**
 * A comment that could not be taken. With JavaScript the form shows why in place, with a fresh stamp. Without it
 * the reader is sent to a page that says why, with everything they typed still in the form.
 */
async function refuse(
  formData: FormData,
  message: string,
  fieldErrors: Record<string, string> = {},
): Promise<CommentFormState> {
  const values = draftValues(formData);
  // Server-action requests from the browser's JavaScript carry this header; a plain form post does not.
  const requestHeaders = await headers();
  if (requestHeaders.has('next-action')) {
    return { status: 'error', message, fieldErrors, values, token: issueFormToken() };
  }
  const postId = Number(values.postId);
  if (!Number.isInteger(postId) || postId <= 0) notFound();
  const db = await getDb();
  const draftId = await saveDraft(db, { postId, message, fieldErrors, values }, hashIp(clientIp(requestHeaders)));
  if (draftId) redirect(`/comments/draft/${draftId}`);
  // Too many drafts from this network: nothing is kept, the article says why.
  const path = await commentablePostPath(postId);
  if (!path) notFound();
  redirect(`${path}#comment-limited`);
}

/**
 * A reader's comment. With JavaScript the form shows the outcome in place. Without it (a plain form post to this
 * action) the reader is redirected: to the new comment or the "awaiting moderation" note on the article, or, when
 * the comment could not be taken, to a page that says why (see refuse).
 */
export const postCommentAction = publicAction(
  commentFormSchema,
  async (form, formData): Promise<CommentFormState> => {
    const requestHeaders = await headers();
    const cookieJar = await cookies();
    const [db, staff, settings] = await Promise.all([getDb(), getCurrentUser(), getSettings()]);
    const proven = provenCommentIds(cookieJar.get(COMMENTER_PROOF_COOKIE)?.value);
    const result = await submitComment(db, form, {
      ipHash: hashIp(clientIp(requestHeaders)),
      staff,
      now: new Date(),
      seenStamp: cookieJar.get('comment_seen')?.value,
      provenCommentIds: proven,
      settings,
    });
    if (!result.ok) return refuse(formData, result.message, result.field ? { [result.field]: result.message } : {});
    const proof = result.commentId ? proofWith(proven, result.commentId) : undefined;
    const draftId = formData.get('draftId');
    if (typeof draftId === 'string' && draftId) await discardDraft(db, draftId);

    if (result.status === 'approved') revalidateComments([result.post.id]);
    // A honeypot catch (no comment id) is answered as held, but nothing waits for the moderators.
    else if (result.commentId) after(async () => notifyModeratorsSoon(await getDb()));
    const message = commentMessages.posted[result.status];
    // With JavaScript the form has the proof kept by a request of its own: a cookie set here would make Next render
    // the whole article again into this answer (28 KB, most of the time a comment took under a rush).
    if (requestHeaders.has('next-action')) return { status: 'ok', message, values: {}, token: issueFormToken(), proof };
    if (proof) cookieJar.set(commenterProofCookie(proof));
    const path = postPath(result.post, settings.timeZone);
    redirect(result.status === 'approved' ? `${path}#comment-${result.commentId}` : `${path}#comment-held`);
  },
  {
    invalidMessage: commentMessages.form.invalid,
    onInvalid: (rejected, formData) => refuse(formData, rejected.message!, rejected.fieldErrors),
  },
);

/** A reader flags a comment; it goes to the moderators' Reported queue. */
export const reportCommentAction = publicAction(
  z.object({
    commentId: z.coerce.number().int().positive(),
    reason: z.string().trim().max(500).default(''),
  }),
  async ({ commentId, reason }) => {
    const ipHash = hashIp(clientIp(await headers()));
    const outcome = await reportComment(await getDb(), { commentId, reason, ipHash });
    const { report } = commentMessages;
    if (outcome === 'limited') return { status: 'error', message: report.tooMany };
    if (outcome === 'not-found') return { status: 'error', message: report.invalid };
    return { status: 'ok', message: report.thanks };
  },
  { invalidMessage: commentMessages.report.invalid },
);

/** The queue address a moderation button returns to, as it was shown; anything else goes to the default queue. */
const backSchema = z
  .string()
  .regex(/^\/dashboard\/comments(\?[\w=&%.+-]*)?$/)
  .catch('/dashboard/comments');
const withParam = (back: string, param: string) => `${back}${back.includes('?') ? '&' : '?'}${param}`;

/**
 * With JavaScript, a one-click decision and its Undo refresh the queue where it is: a redirect would remount the
 * page, and with it the Undo the moderator has a few seconds to press. A plain form post is redirected as usual.
 */
async function stayInPlace(): Promise<boolean> {
  if (!(await headers()).has('next-action')) return false;
  refresh();
  return true;
}

const idsSchema = z.array(z.coerce.number().int().positive()).min(1).max(500);

/**
 * Approve, reject, mark as spam, restore or delete the selected comments, then back to the queue as it was shown.
 * Nothing selected (or no decision) also goes back, with `error=select` for the queue to say so.
 */
export const moderateCommentsAction = authorizedButtonAction(
  'comments:moderate',
  z.object({
    back: backSchema,
    decision: z.enum(decisions).optional().catch(undefined),
    note: z
      .string()
      .catch('')
      .transform((note) => note.slice(0, 500)),
    // Sent by a row's own buttons (see stayInPlace).
    inPlace: z.literal('yes').optional().catch(undefined),
  }),
  async ({ back, decision, note, inPlace }, moderator, formData) => {
    // `ids` repeats once per checked box: read all of them, not the one value a parsed form keeps.
    const ids = idsSchema.safeParse(formData.getAll('ids'));
    if (!ids.success || !decision) redirect(withParam(back, 'error=select'));
    const { postIds } = await moderate(await getDb(), moderator.id, ids.data, decision, note);
    const stay = inPlace && (await stayInPlace());
    revalidateComments(postIds);
    if (!stay) redirect(back);
  },
);

/**
 * The queue's "Undo" after a one-click decision: the comment goes back to the status it had, if the latest decision
 * about it was this moderator's and nothing changed it since (otherwise `error=undo` says it could not be undone).
 */
export const undoDecisionAction = authorizedButtonAction(
  'comments:moderate',
  z.object({ id: z.coerce.number().int().positive(), back: backSchema }),
  async ({ id, back }, moderator) => {
    const undone = await undoDecision(await getDb(), moderator.id, id);
    if (!undone) redirect(withParam(back, 'error=undo'));
    const stay = await stayInPlace();
    revalidateComments(undone.postIds);
    if (!stay) redirect(back);
  },
);

/** The queue's "Block email" / "Block network" buttons send `block=email:ID` or `block=ip:ID`. */
export const blockCommenterAction = authorizedButtonAction(
  'comments:moderate',
  z.object({ block: z.string().regex(/^(email|ip):\d+$/) }),
  async ({ block }, moderator) => {
    const [kind, id] = block.split(':') as ['email' | 'ip', string];
    await blockCommenter(await getDb(), moderator.id, Number(id), kind);
    redirect(`/dashboard/comments?blocked=${kind}`);
  },
);
