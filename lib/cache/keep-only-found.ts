import type { IncrementalCacheValue } from 'next/dist/server/response-cache/types';

/** What any page-cache handler is asked to store: a rendered page, a cached read, a route's answer… or nothing. */
export type CacheEntry = IncrementalCacheValue | null;

/**
 * The rules of what a page cache keeps, shared by every cache handler (Next's file-system cache through
 * lib/cache/file-system-handler.ts; a shared Redis one applies the same): no page that answered 404, and no cached
 * read that found nothing. A handler's `set` stores nothing for which `isNotFound` is true.
 *
 * Next stores the 404 of every address that matches a dynamic route (an unknown slug at /YYYY/MM/slug, or a
 * scanner's /wp-admin/x/y), one set of files on disk per address and for ever (vercel/next.js#73101), plus the
 * empty read behind it: random addresses would fill the disk. Not keeping them costs a render per unknown
 * address (30–60 ms), what any dynamic site pays; a page that exists is cached as before.
 */
export function isNotFound(entry: CacheEntry): boolean {
  if (!entry) return false;
  if (String(entry.kind) === 'APP_PAGE' && 'status' in entry) return entry.status === 404;
  if (String(entry.kind) === 'FETCH' && 'data' in entry) return entry.data.body === 'null';
  return false;
}
