import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';
import { env } from '@/lib/env';
import { DiskBound } from './disk-bound';
import { isWorthKeeping, type CacheEntry } from './keep-only-found';
import { rememberPageCacheHandler } from './page-cache-handler';
import { addScriptPolicy } from './script-policy';

/** Where Next puts an entry of a kind it keeps on disk (a private method of its class, stable since Next 13). */
type FilePaths = { getFilePath(key: string, kind: string): string };
const onDisk = ['APP_PAGE', 'APP_ROUTE', 'PAGES', 'FETCH'];

/**
 * Makes `next start` use Next's own file-system cache, less what lib/cache/keep-only-found.ts refuses, each page
 * stored with its script policy (lib/cache/script-policy.ts), and kept under a size on disk
 * (lib/cache/disk-bound.ts). Installed through the global slot Next reads when it builds a request's cache
 * (`@next/cache-handlers`, FetchCache), not through next.config's `cacheHandler`: that one is imported again on
 * every request, which cost a fifth of a cached page's throughput (bench/FINDINGS.md).
 */
export function installFileSystemHandler(): void {
  // Next's own copy of the class, loaded at run time rather than bundled: a bundled copy would keep its own
  // memory cache and its own record of revalidated tags.
  const nextRequire = createRequire(path.join(process.cwd(), 'package.json'));
  const { default: NextFileSystemCache } = nextRequire('next/dist/server/lib/incremental-cache/file-system-cache') as {
    default: typeof FileSystemCache;
  };
  const config = env();
  const bound = new DiskBound(path.resolve(config.NEXT_DIST_DIR), config.PAGE_CACHE_MAX_MB * 1024 * 1024);
  // A bound lowered since the last start, or a cache that grew before there was one, is trimmed at once.
  void bound.trim();
  class KeepOnlyFound extends NextFileSystemCache {
    constructor(...args: ConstructorParameters<typeof FileSystemCache>) {
      super(...args);
      rememberPageCacheHandler(this);
    }

    override async get(...args: Parameters<FileSystemCache['get']>) {
      const found = await super.get(...args);
      if (found) this.used(args[0], String(args[1].kind));
      return found;
    }

    override async set(...args: Parameters<FileSystemCache['set']>): Promise<void> {
      const [key, entry] = args;
      if (!isWorthKeeping(entry)) return;
      addScriptPolicy(entry);
      await super.set(...args);
      if (!entry) return;
      this.used(key, String(entry.kind));
      bound.wrote(approximateBytes(entry));
    }

    /** Tells the bound an entry of a kind kept on disk was read or written. */
    private used(key: string, kind: string): void {
      if (onDisk.includes(kind)) bound.used((this as unknown as FilePaths).getFilePath(key, kind));
    }
  }
  const slot = Symbol.for('@next/cache-handlers');
  const handlers = globalThis as { [slot]?: object };
  handlers[slot] = { ...handlers[slot], FetchCache: KeepOnlyFound };
  // One handler of our own from the start, for code outside Next's requests (lib/cache/page-cache-handler.ts): its
  // revalidateTag needs no context.
  const standing = new KeepOnlyFound({} as ConstructorParameters<typeof FileSystemCache>[0]);
  // Next keeps its record of revalidated tags in memory only: a page invalidated but not yet rendered again when the
  // server stopped would be served from disk as fresh after the restart, without the comment, post or ad that
  // changed it. So once a server has served this build, everything stored before this start counts as expired,
  // through the tag every page and cached read carries (the root layout's): each is rendered again from the
  // database on its first request, as the Redis cache does after a deployment. The first start after a build keeps
  // the build's pages, which it has just rendered.
  if (servedSinceBuild(path.resolve(config.NEXT_DIST_DIR)))
    void standing.revalidateTag([ROOT_LAYOUT_TAG], { expire: 0 });
}

/**
 * Whether a server has started on this build before. Each start is recorded beside the page cache (which a build
 * keeps), and a build writes its BUILD_ID anew.
 */
function servedSinceBuild(distDir: string): boolean {
  const mtimeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
  const lastStart = path.join(distDir, 'cache', 'last-start');
  const served = mtimeOf(lastStart) > mtimeOf(path.join(distDir, 'BUILD_ID'));
  fs.mkdirSync(path.dirname(lastStart), { recursive: true });
  fs.writeFileSync(lastStart, new Date().toISOString());
  return served;
}

/** The implicit tag Next gives every page, route answer and cached read rendered under the root layout. */
export const ROOT_LAYOUT_TAG = '_N_T_/layout';

/** About what an entry takes on disk, to tell when the bound is worth a look (the look itself measures the files). */
function approximateBytes(entry: NonNullable<CacheEntry>): number {
  if ('html' in entry && typeof entry.html === 'string') {
    const segments = 'segmentData' in entry ? [...(entry.segmentData?.values() ?? [])] : [];
    const rsc = 'rscData' in entry ? (entry.rscData?.length ?? 0) : 0;
    return entry.html.length + rsc + segments.reduce((sum, segment) => sum + segment.length, 0);
  }
  if ('data' in entry) return entry.data.body.length;
  if ('body' in entry) return entry.body.length;
  return 0;
}
