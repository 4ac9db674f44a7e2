import 'server-only';
import { countThreadsNewerThan } from '@/db/queries/comments';
import type { PublicSettings } from '@/db/queries/settings';
import type { Database } from '@/lib/db';
import { postPath } from '@/lib/posts/permalink';
import { commentsPagePath, THREADS_PER_PAGE } from './thread';

type Where = {
  post: { id: number; slug: string; publishedAt: Date };
  commentId: number;
  settings: Pick<PublicSettings, 'timeZone'>;
  /** A comment that starts a thread and was just published: the newest thread, on the article itself. */
  newThread?: boolean;
};

/**
 * Where a published comment is read, at its anchor: on its article, or on the further page of comments that holds
 * its thread (lib/comments/thread.ts). Read from the database: the comment endpoint and reply mail run outside
 * Next's requests.
 */
export async function commentAddress(db: Database, { post, commentId, settings, newThread = false }: Where) {
  const newer = newThread ? 0 : await countThreadsNewerThan(db, post.id, commentId);
  // A comment not shown (held since, say) is looked for on the article.
  const page = Math.floor((newer ?? 0) / THREADS_PER_PAGE) + 1;
  return `${commentsPagePath(postPath(post, settings.timeZone), page)}#comment-${commentId}`;
}
