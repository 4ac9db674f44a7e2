import 'server-only';
import { parseCookie, stringifyCookie } from 'next/dist/compiled/@edge-runtime/cookies';
import { getCommentablePost } from '@/db/queries/comment-checks';
import { sessionOfCookies, userOfSession } from '@/lib/auth/session-user';
import { getDb, type Database } from '@/lib/db';
import { fieldErrorsOf, formValues } from '@/lib/form-state';
import { postPath } from '@/lib/posts/permalink';
import { hashIp } from '@/lib/request/client-address';
import type { FrontAnswer, FrontRequest, FrontRoute } from '@/lib/request/front';
import { isSameOrigin } from '@/lib/request/same-origin';
import { recentSettings } from '@/lib/settings/recent';
import { commentAddress } from './comment-address';
import { COMMENTER_PROOF_COOKIE, commenterProofCookie, proofWith, provenCommentIds } from './commenter-proof';
import { discardDraft, draftValues, saveDraft } from './drafts';
import { commentsPath, type CommentFormState } from './form-answer';
import { issueFormToken } from './form-token';
import { commentMessages } from './messages';
import { notifyModeratorsSoon } from './moderation';
import { refreshCommentPages } from './refresh-pages';
import { MAX_COMMENT_LENGTH } from './rules';
import { commentFormSchema, submitComment } from './submit';

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * A reader's comment, from the form with JavaScript (which asks for JSON and shows the outcome in place) or without
 * it (a plain form post, answered with a redirect: to the new comment or the "awaiting moderation" note on the
 * article, or, when the comment could not be taken, to a page that says why, with everything typed kept).
 * Answered before Next (lib/request/front.ts): a server action's handling cost as much as the comment itself.
 */
export const commentRoute: FrontRoute = {
  method: 'POST',
  path: commentsPath,
  // The longest comment with every character four bytes of UTF-8, each percent-encoded, and the other fields.
  maxBytes: MAX_COMMENT_LENGTH * 12 + 8192,
  tooLarge: { status: 413, body: 'Payload Too Large' },
  handle: postComment,
};

type Sender = { db: Database; ipHash: string; formData: FormData; json: boolean };

async function postComment({ headers, body, ip }: FrontRequest): Promise<FrontAnswer> {
  // What Next checks for a server action: a page of another site may not post a comment in a reader's name.
  if (!isSameOrigin(headers)) return { status: 403, body: 'Forbidden' };
  const formData = await readForm(headers.get('content-type') ?? '', body);
  if (!formData) return { status: 400, body: 'Bad Request' };
  const sender: Sender = {
    db: await getDb(),
    ipHash: hashIp(ip),
    formData,
    json: headers.get('accept')?.includes('application/json') ?? false,
  };
  const parsed = commentFormSchema.safeParse(formValues(formData));
  if (!parsed.success) return refuse(sender, commentMessages.form.invalid, fieldErrorsOf(parsed.error));

  const { db } = sender;
  const cookies = parseCookie(headers.get('cookie') ?? '');
  const session = await sessionOfCookies(headers.get('cookie'));
  const [staff, settings] = await Promise.all([session && userOfSession(db, session), recentSettings(db)]);
  const proven = provenCommentIds(cookies.get(COMMENTER_PROOF_COOKIE));
  const result = await submitComment(db, parsed.data, {
    ipHash: sender.ipHash,
    staff,
    now: new Date(),
    seenStamp: cookies.get('comment_seen'),
    provenCommentIds: proven,
    settings,
  });
  if (!result.ok) return refuse(sender, result.message, result.field ? { [result.field]: result.message } : {});

  const draftId = formData.get('draftId');
  if (typeof draftId === 'string' && draftId) await discardDraft(db, draftId);
  if (result.status === 'approved') {
    // Before the answer: the page it sends the reader to (or refreshes in place) must show the comment.
    await refreshCommentPages(result.post.id).catch((error: unknown) =>
      console.error('comments: the pages were not refreshed', error),
    );
  } else if (result.commentId) {
    // A honeypot catch (no comment id) is answered as held, but nothing waits for the moderators.
    notifyModeratorsSoon(db).catch((error: unknown) => console.error('comments: moderators not told', error));
  }
  // The proof that this browser wrote the comment, kept as an HTTP-only cookie.
  const proof = result.commentId
    ? [['set-cookie', stringifyCookie(commenterProofCookie(proofWith(proven, result.commentId)))] as [string, string]]
    : [];
  const published = result.status === 'approved' && result.commentId;
  // Where the comment is read: its article, or the older page of comments its thread is on.
  const address = published
    ? await commentAddress(db, { post: result.post, commentId: published, settings, newThread: !parsed.data.parentId })
    : `${postPath(result.post, settings.timeZone)}#comment-held`;
  if (sender.json) {
    const message = commentMessages.posted[result.status];
    const state: CommentFormState = {
      status: 'ok',
      message,
      values: {},
      token: issueFormToken(),
      published: Boolean(published),
    };
    return answerJson(published ? { ...state, address } : state, proof);
  }
  return seeOther(address, proof);
}

/** The form's fields, or null for a body that is not a form. */
async function readForm(contentType: string, body: Buffer): Promise<FormData | null> {
  if (!formTypes.test(contentType)) return null;
  try {
    return await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}

/**
 * A comment that could not be taken. With JavaScript the form shows why in place, with a fresh stamp. Without it
 * the reader is sent to a page that says why, with everything they typed still in the form.
 */
async function refuse(
  { db, ipHash, formData, json }: Sender,
  message: string,
  fieldErrors: Record<string, string> = {},
): Promise<FrontAnswer> {
  const values = draftValues(formData);
  if (json) return answerJson({ status: 'error', message, fieldErrors, values, token: issueFormToken() });
  const postId = Number(values.postId);
  if (!Number.isInteger(postId) || postId <= 0) return notFound;
  const draftId = await saveDraft(db, { postId, message, fieldErrors, values }, ipHash);
  if (draftId) return seeOther(`/comments/draft/${draftId}`);
  // Too many drafts from this network: nothing is kept, the article says why.
  const [post, settings] = await Promise.all([getCommentablePost(db, postId), recentSettings(db)]);
  return post ? seeOther(`${postPath(post, settings.timeZone)}#comment-limited`) : notFound;
}

const notFound: FrontAnswer = { status: 404, body: 'Not Found' };

function answerJson(state: CommentFormState, headers: [string, string][] = []): FrontAnswer {
  return { status: 200, headers: [['content-type', 'application/json'], ...headers], body: JSON.stringify(state) };
}

/** 303: the browser follows it with a GET. */
function seeOther(location: string, headers: [string, string][] = []): FrontAnswer {
  return { status: 303, headers: [['location', location], ...headers] };
}
