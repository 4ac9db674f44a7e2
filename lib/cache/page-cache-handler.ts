/** What code outside a request needs of the page cache's handler (Next's file-system cache, or the Redis one). */
type PageCacheHandler = { revalidateTag(tags: string[], durations?: { expire?: number }): Promise<void> };

let latest: PageCacheHandler | null = null;

/**
 * Next builds the page cache's handler anew for each request (lib/cache/file-system-handler.ts and
 * lib/cache/redis-handler.ts install its class): each one it builds is kept here, for code that runs outside
 * Next's requests. Any of them will do: their revalidateTag works on what all of them share (Next's record of
 * revalidated tags, or Redis).
 */
export function rememberPageCacheHandler(handler: PageCacheHandler): void {
  latest = handler;
}

/**
 * Marks the data and pages under these tags stale at once, as revalidateTag({ expire: 0 }) does in a request, from
 * outside one. False, with nothing done, until Next has built a handler (on its first request).
 */
export async function invalidateOutsideRequest(tags: string[]): Promise<boolean> {
  if (!latest) return false;
  await latest.revalidateTag(tags, { expire: 0 });
  return true;
}
