import 'server-only';
import * as comments from '@/db/queries/comments';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';
import { buildThreads, THREADS_PER_PAGE } from './thread';

export type { PublicComment } from '@/db/queries/comments';

const listApprovedCommentsPage = cached('comments:page', comments.listApprovedCommentsPage, (postId) => [
  tags.comments(postId),
]);

export const countApprovedComments = cached('comments:count', comments.countApprovedComments, (postIds) =>
  postIds.map(tags.comments),
);

/**
 * Page `page` of a post's approved comments as threads, newest page first as listings are: page 1 (the article's
 * own) shows the newest threads, oldest first as a conversation reads, page 2 the ones before, and so on. With how
 * many pages and comments there are; null past the last page.
 */
export async function getCommentsPage(postId: number, page: number, maxReplyDepth: number) {
  const skip = (page - 1) * THREADS_PER_PAGE;
  const found = await listApprovedCommentsPage(postId, { skip, perPage: THREADS_PER_PAGE });
  if (!found) return null;
  const pages = Math.max(1, Math.ceil(found.threads / THREADS_PER_PAGE));
  return { threads: buildThreads(found.comments, maxReplyDepth), page, pages, total: found.total };
}

export type CommentsPage = NonNullable<Awaited<ReturnType<typeof getCommentsPage>>>;
