'use server';

import 'server-only';
import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { authorizedButtonAction, publicAction } from '@/lib/actions';
import { revalidateComments } from '@/lib/cache/revalidate';
import { clientIp, hashIp } from '@/lib/request/client-address';
import { commentMessages } from './messages';
import { blockCommenter, decisions, moderate, reportComment, undoDecision } from './moderation';

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
