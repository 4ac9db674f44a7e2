import 'server-only';
import { getDb } from '@/lib/db';
import { getApprovedComment, getCommentablePost } from '@/db/queries/comment-checks';
import { postPath } from '@/lib/posts/permalink';
import { getSettings } from '@/lib/settings/queries';
import { commentAddress } from './comment-address';
import { getDraft } from './drafts';
import { commentsClosed } from './rules';

/**
 * What the reply and report pages (reached without JavaScript) need: an approved comment on a live post, that post,
 * the comment's address (the way back to it: on the article, or on the older page of comments its thread is on),
 * and whether the post still takes comments. Null for anything else, which those pages answer with 404.
 */
export async function loadCommentPage(rawId: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) return null;
  const db = await getDb();
  const comment = await getApprovedComment(db, id);
  const post = comment && (await getCommentablePost(db, comment.postId));
  if (!comment || !post) return null;
  const settings = await getSettings();
  return {
    comment,
    post: { id: post.id, title: post.title },
    address: await commentAddress(db, { post, commentId: id, settings }),
    settings,
    open: !commentsClosed(post, settings, new Date()),
  };
}

/**
 * What the page a comment sent without JavaScript comes back to needs: the kept draft (under an hour old) and the
 * live post it was for. Null for anything else, which that page answers with 404.
 */
export async function loadDraftPage(id: string) {
  const db = await getDb();
  const draft = await getDraft(db, id);
  const post = draft && (await getCommentablePost(db, draft.postId));
  if (!draft || !post) return null;
  const settings = await getSettings();
  return { draft, post: { id: post.id, title: post.title, path: postPath(post, settings.timeZone) }, settings };
}
