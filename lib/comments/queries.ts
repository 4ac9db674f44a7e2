import 'server-only';
import * as comments from '@/db/queries/comments';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';

export type { PublicComment } from '@/db/queries/comments';

export const listApprovedComments = cached('comments', comments.listApprovedComments, (postId) => [
  tags.comments(postId),
]);

export const countApprovedComments = cached('comments:count', comments.countApprovedComments, (postIds) =>
  postIds.map(tags.comments),
);
