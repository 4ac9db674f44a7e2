import { createRequire } from 'node:module';
import path from 'node:path';
import type FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';

type Entry = Parameters<FileSystemCache['set']>[1];

/**
 * What Next's cache should not keep: a page that answered 404, and a cached read that found nothing.
 *
 * Next stores the 404 of every address that matches a dynamic route (an unknown slug at /YYYY/MM/slug, or a
 * scanner's /wp-admin/x/y), one set of files on disk per address and for ever (vercel/next.js#73101), plus the
 * empty read behind it: random addresses would fill the disk. Not keeping them costs a render per unknown
 * address (30–60 ms), what any dynamic site pays; a page that exists is cached as before.
 */
export function isNotFound(entry: Entry): boolean {
  if (!entry) return false;
  if (String(entry.kind) === 'APP_PAGE' && 'status' in entry) return entry.status === 404;
  if (String(entry.kind) === 'FETCH' && 'data' in entry) return entry.data.body === 'null';
  return false;
}

/**
 * Makes `next start` use Next's own file-system cache, less what `isNotFound` refuses. Installed through the
 * global slot Next reads when it builds a request's cache (`@next/cache-handlers`, FetchCache), not through
 * next.config's `cacheHandler`: that one is imported again on every request, which cost a fifth of a cached
 * page's throughput (bench/FINDINGS.md).
 */
export function installKeepOnlyFound(): void {
  // Next's own copy of the class, loaded at run time rather than bundled: a bundled copy would keep its own
  // memory cache and its own record of revalidated tags.
  const nextRequire = createRequire(path.join(process.cwd(), 'package.json'));
  const { default: NextFileSystemCache } = nextRequire('next/dist/server/lib/incremental-cache/file-system-cache') as {
    default: typeof FileSystemCache;
  };
  class KeepOnlyFound extends NextFileSystemCache {
    override async set(...args: Parameters<FileSystemCache['set']>): Promise<void> {
      if (isNotFound(args[1])) return;
      return super.set(...args);
    }
  }
  const slot = Symbol.for('@next/cache-handlers');
  const handlers = globalThis as { [slot]?: object };
  handlers[slot] = { ...handlers[slot], FetchCache: KeepOnlyFound };
}
