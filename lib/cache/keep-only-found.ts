import type { IncrementalCacheValue } from 'next/dist/server/response-cache/types';

/** What any page-cache handler is asked to store: a rendered page, a cached read, a route's answer… or nothing. */
export type CacheEntry = IncrementalCacheValue | null;

/**
 * The rules of what a page cache keeps, shared by every cache handler (Next's file-system cache through
 * lib/cache/file-system-handler.ts; a shared Redis one applies the same): a handler's `set` stores nothing for which
 * `isWorthKeeping` is false.
 *
 * - No page that answered 404, and no cached read that found nothing. Next stores the 404 of every address that
 *   matches a dynamic route (an unknown slug at /YYYY/MM/slug, or a scanner's /wp-admin/x/y), one set of files on
 *   disk per address and for ever (vercel/next.js#73101), plus the empty read behind it: random addresses would fill
 *   the disk.
 * - No redirect. The article route sends a right slug under any other two segments (/x/y/real-slug) to its
 *   permalink, and Next would store that 308 per address (200 requests kept 1,240 files, 15 MB).
 *
 * Not keeping them costs a render per such address (30–60 ms), what any dynamic site pays; a page that exists is
 * cached as before.
 */
export function isWorthKeeping(entry: CacheEntry): boolean {
  if (!entry) return true;
  if (String(entry.kind) === 'APP_PAGE' && 'status' in entry) return !isNotFoundOrRedirect(entry.status);
  if (String(entry.kind) === 'FETCH' && 'data' in entry) return entry.data.body !== 'null';
  return true;
}

const isNotFoundOrRedirect = (status: number | undefined) =>
  status === 404 || (status !== undefined && status >= 300 && status < 400);
