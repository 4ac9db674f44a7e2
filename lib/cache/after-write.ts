import { proxyRefreshConfigured, refreshProxyCache } from './proxy-refresh';

/**
 * How long after a write its tags are invalidated a second time. Next stamps a cache entry when it is stored, so a
 * page whose render read the database just before the write, and stored its result just after the invalidation,
 * would be cached as fresh with the old content. Renders take milliseconds to tens of milliseconds here; two
 * seconds covers a loaded server.
 */
const SECOND_PASS_MS = 2000;

/** The public pages a change shows on first, worked out once the response is sent. */
export type Pages = () => Promise<string[]>;

/**
 * What follows a write once its tags are invalidated: a caching proxy in front (nginx) is asked for fresh copies of
 * `pages`, then, two seconds later, the tags are invalidated again (for renders that were under way when the write
 * landed) and the proxy asked again. Pages not in `pages` leave the proxy's cache within two seconds.
 */
export async function followWrite(invalidate: () => Promise<unknown>, pages: Pages): Promise<void> {
  const paths = proxyRefreshConfigured() ? await pages() : [];
  await refreshProxyCache(paths);
  await new Promise((resolve) => setTimeout(resolve, SECOND_PASS_MS));
  await invalidate();
  await refreshProxyCache(paths);
}
