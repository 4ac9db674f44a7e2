import { createRequire } from 'node:module';
import path from 'node:path';
import type FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';
import { isNotFound } from './keep-only-found';
import { addScriptPolicy } from './script-policy';

/**
 * Makes `next start` use Next's own file-system cache, less what lib/cache/keep-only-found.ts refuses, each page
 * stored with its script policy (lib/cache/script-policy.ts). Installed
 * through the global slot Next reads when it builds a request's cache (`@next/cache-handlers`, FetchCache), not
 * through next.config's `cacheHandler`: that one is imported again on every request, which cost a fifth of a cached
 * page's throughput (bench/FINDINGS.md).
 */
export function installFileSystemHandler(): void {
  // Next's own copy of the class, loaded at run time rather than bundled: a bundled copy would keep its own
  // memory cache and its own record of revalidated tags.
  const nextRequire = createRequire(path.join(process.cwd(), 'package.json'));
  const { default: NextFileSystemCache } = nextRequire('next/dist/server/lib/incremental-cache/file-system-cache') as {
    default: typeof FileSystemCache;
  };
  class KeepOnlyFound extends NextFileSystemCache {
    override async set(...args: Parameters<FileSystemCache['set']>): Promise<void> {
      if (isNotFound(args[1])) return;
      addScriptPolicy(args[1]);
      return super.set(...args);
    }
  }
  const slot = Symbol.for('@next/cache-handlers');
  const handlers = globalThis as { [slot]?: object };
  handlers[slot] = { ...handlers[slot], FetchCache: KeepOnlyFound };
}
