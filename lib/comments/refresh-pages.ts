import 'server-only';
import { followWrite } from '@/lib/cache/after-write';
import { invalidateOutsideRequest } from '@/lib/cache/page-cache-handler';
import { tags } from '@/lib/cache/tags';
import { listPublishedDatesOf } from '@/db/queries/posts';
import { getDb } from '@/lib/db';
import { postPath } from '@/lib/posts/permalink';
import { revalidateThroughServer } from '@/lib/scheduler/revalidate-through-server';
import { recentSettings } from '@/lib/settings/recent';

/** Posts whose comments were published since the proxy was last asked for their pages. */
const toFollow = new Set<number>();
let following = false;

/**
 * The pages a published comment shows on (its article, and the front page with each post's count), stale before
 * the commenter is answered: the page the answer sends them to must show it. Done in this process, on the cache
 * Next's requests share: a request through Next for each one held a rush of published comments to two thirds of
 * its rate (bench/FINDINGS.md, "Published comments"). Until there is a handler (with Redis, until Next's first
 * request builds one), the refresh goes through Next instead.
 *
 * The proxy's fresh copies and the second pass follow (lib/cache/after-write.ts), for the comments published
 * meanwhile together: each page the proxy is asked for is a render.
 */
export async function refreshCommentPages(postId: number): Promise<void> {
  if (!(await invalidateOutsideRequest([tags.comments(postId)])))
    return revalidateThroughServer({ comments: [postId] });
  toFollow.add(postId);
  if (!following) void followComments();
}

async function followComments(): Promise<void> {
  following = true;
  try {
    while (toFollow.size > 0) {
      const postIds = [...toFollow];
      toFollow.clear();
      await followWrite(
        () => invalidateOutsideRequest(postIds.map(tags.comments)),
        () => commentPages(postIds),
      );
    }
  } catch (error) {
    console.error('comments: the pages were not refreshed a second time', error);
  } finally {
    following = false;
  }
}

/** The articles of these posts and the front page. Read from the database: Next's data cache needs a request. */
async function commentPages(postIds: number[]): Promise<string[]> {
  const db = await getDb();
  const [articles, settings] = await Promise.all([listPublishedDatesOf(db, { ids: postIds }), recentSettings(db)]);
  return [...articles.map((post) => postPath(post, settings.timeZone)), '/'];
}
