import { revalidateTag } from 'next/cache';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { executeRevalidates } from 'next/dist/server/revalidation-utils';
import { after } from 'next/server';
import { pagePath } from '@/lib/pages/permalink';
import { permalinksOf } from '@/lib/posts/queries';
import { followWrite, type Pages } from './after-write';
import { tags } from './tags';

const frontPage: Pages = async () => ['/'];

/**
 * Marks cached data stale at once ({ expire: 0 }): the next request regenerates the page instead of being
 * served the old one, so a change is live on the following page view. Once the response is sent, the caching
 * proxy's fresh copies of `pages` and the second pass follow (lib/cache/after-write.ts).
 *
 * Next's revalidateTag only queues a tag: Next applies the queue before the render that follows an action, but
 * after a redirect (every form posted without JavaScript) only once all `after()` work is done, and it refuses to
 * be called at all once the request has moved on to rendering. So the work after the answer goes to the request's
 * page cache directly (invalidate below), at once and again two seconds later.
 */
export function revalidateTags(names: string[], pages: Pages = frontPage): void {
  const unique = [...new Set(names)];
  for (const name of unique) revalidateTag(name, { expire: 0 });
  const cache = workAsyncStorage.getStore()?.incrementalCache;
  const invalidate = async () => cache?.revalidateTag(unique, { expire: 0 });
  after(async () => {
    await invalidate();
    await followWrite(invalidate, pages);
  });
}

/**
 * Applies the tags queued so far in this request at once, as Next does before it answers a server action. A route
 * handler's queue is applied only after its answer, and the caller of /api/scheduler for a comment (the endpoint
 * answered before Next, lib/comments/endpoint.ts) sends its reader to the article next: it must find it stale.
 */
export async function applyRevalidationsNow(): Promise<void> {
  const store = workAsyncStorage.getStore();
  if (store) await executeRevalidates(store);
}

/** A post changed: its article (under each slug it had), and every listing when it is or was live. */
export function revalidatePost({ slugs, listings }: { slugs: string[]; listings: boolean }): void {
  revalidateTags([...slugs.map(tags.post), ...(listings ? [tags.posts] : [])], async () => [
    ...(await permalinksOf({ slugs })),
    ...(listings ? ['/', '/feed.xml'] : []),
  ]);
}

/** Comments were published or withdrawn: their articles, and the front page that shows each one's count. */
export function revalidateComments(postIds: number[]): void {
  revalidateTags(postIds.map(tags.comments), async () => [...(await permalinksOf({ ids: postIds })), '/']);
}

/** A page changed: itself under each slug it had, and the listings of pages (the sitemap). */
export function revalidatePage(slugs: string[]): void {
  revalidateTags([...slugs.map(tags.page), tags.pages], async () => slugs.map(pagePath));
}
