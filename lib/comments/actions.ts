'use server';

import { and, inArray, isNull } from 'drizzle-orm';
import { after } from 'next/server';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { getSiteSettings } from '@/db/queries/settings';
import { commentDrafts, users } from '@/db/schema';
import { authorizedButtonAction } from '@/lib/actions';
import { getCurrentUser, requirePermission } from '@/lib/auth/current-user';
import { revalidateComments } from '@/lib/cache/revalidate';
import { fieldErrorsOf, formValues, type FormState } from '@/lib/form-state';
import { sendMail } from '@/lib/mail';
import { postPath } from '@/lib/posts/permalink';
import { checkLimit, recordEvent } from '@/lib/rate-limit';
import { clientIp, hashIp } from '@/lib/request/client-address';
import { issueFormToken } from './form-token';
import { discardDraft } from './drafts';
import { blockCommenter, decisions, moderate, reportComment } from './moderation';
import { commentFormSchema, submitComment } from './submit';

export type CommentFormState = FormState & { token?: string };

/**
 * A reader's comment. With JavaScript the form shows the outcome in place. Without it (a plain form post to this
 * action) the reader is redirected: to the new comment or the "awaiting moderation" note on the article, or, when
 * the comment could not be taken, to a page that says why with everything they typed still in the form.
 */
export async function postCommentAction(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const values = formValues(formData);
  const kept = { ...values, website: '', token: '' };
  const requestHeaders = await headers();
  // Server-action requests from the browser's JavaScript carry this header; a plain form post does not.
  const scripted = requestHeaders.has('next-action');
  const db = await getDb();
  const fail = async (message: string, fieldErrors: Record<string, string> = {}): Promise<CommentFormState> => {
    if (scripted) return { status: 'error', message, fieldErrors, values: kept, token: issueFormToken() };
    const postId = Number(values.postId);
    if (!Number.isInteger(postId) || postId <= 0) notFound();
    const [draft] = await db
      .insert(commentDrafts)
      .values({ postId, message, fieldErrors, values: kept })
      .returning({ id: commentDrafts.id });
    redirect(`/comments/draft/${draft.id}`);
  };

  const parsed = commentFormSchema.safeParse(values);
  if (!parsed.success)
    return fail('Your comment was not posted: please correct the marked fields.', fieldErrorsOf(parsed.error));
  const result = await submitComment(db, parsed.data, {
    ipHash: hashIp(clientIp(requestHeaders)),
    staff: await getCurrentUser(),
    now: new Date(),
    seenStamp: (await cookies()).get('comment_seen')?.value,
  });
  if (!result.ok) return fail(result.message, result.field ? { [result.field]: result.message } : {});
  if (values.draftId) await discardDraft(db, values.draftId);

  if (result.status === 'approved') revalidateComments([result.post.id]);
  else after(() => notifyModerators(result.post.id, parsed.data.name));
  const message = result.status === 'approved' ? 'Your comment is published.' : 'Your comment is awaiting moderation.';
  if (scripted) return { status: 'ok', message, values: {}, token: issueFormToken() };
  const settings = await getSiteSettings(db);
  const path = postPath({ slug: result.post.slug, publishedAt: result.post.publishedAt }, settings.timeZone);
  redirect(result.status === 'approved' ? `${path}#comment-${result.commentId}` : `${path}#comment-held`);
}

async function notifyModerators(postId: number, commenter: string) {
  const db = await getDb();
  const moderators = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.role, ['admin', 'editor', 'moderator']), isNull(users.deactivatedAt)));
  await sendMail({
    to: moderators.map((m) => m.email),
    subject: `A comment by ${commenter} is waiting for moderation`,
    text: `A new comment on post ${postId} is held. Review it at /dashboard/comments.`,
  });
}

const reportSchema = z.object({
  commentId: z.coerce.number().int().positive(),
  reason: z.string().trim().max(500).default(''),
});
const reportLimit = { bucket: 'report:ip', max: 10, windowMs: 60 * 60 * 1000 };

/** A reader flags a comment; it goes to the moderators' Reported queue. */
export async function reportCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = reportSchema.safeParse(formValues(formData));
  if (!parsed.success) return { status: 'error', message: 'That comment cannot be reported.' };
  const db = await getDb();
  const requestHeaders = await headers();
  const ipHash = hashIp(clientIp(requestHeaders));
  if ((await checkLimit(db, reportLimit, ipHash)).limited) {
    return { status: 'error', message: 'You have sent many reports: please try again later.' };
  }
  if (!(await reportComment(db, parsed.data.commentId, parsed.data.reason))) {
    return { status: 'error', message: 'That comment cannot be reported.' };
  }
  await recordEvent(db, reportLimit, ipHash);
  return { status: 'ok', message: 'Thank you: a moderator will look at this comment.' };
}

const idsSchema = z.array(z.coerce.number().int().positive()).min(1).max(500);

/** Approve, reject, mark as spam, restore or delete the selected comments. */
export async function moderateCommentsAction(formData: FormData): Promise<void> {
  const moderator = await requirePermission('comments:moderate');
  const ids = idsSchema.safeParse(formData.getAll('ids'));
  const decision = z.enum(decisions).safeParse(formData.get('decision'));
  const back = z
    .string()
    .regex(/^\/dashboard\/comments(\?[\w=&%.+-]*)?$/)
    .catch('/dashboard/comments')
    .parse(formData.get('back'));
  if (!ids.success || !decision.success) redirect(`${back}${back.includes('?') ? '&' : '?'}error=select`);
  const db = await getDb();
  const { postIds } = await moderate(
    db,
    moderator.id,
    ids.data,
    decision.data,
    String(formData.get('note') ?? '').slice(0, 500),
  );
  revalidateComments(postIds);
  redirect(back);
}

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
