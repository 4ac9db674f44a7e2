import { CacheHandler } from '@fortedigital/nextjs-cache-handler';
import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import type { Redis } from '@/lib/redis/client';
import { isWorthKeeping } from './keep-only-found';
import { rememberPageCacheHandler } from './page-cache-handler';
import { addScriptPolicy } from './script-policy';
import { sharedOrLocal } from './shared-or-local';

/**
 * With REDIS_URL set, every instance keeps its pages, route answers and cached reads in one Redis, through
 * @fortedigital/nextjs-cache-handler (Next 16's classic cache handler, with tags): a revalidateTag on one instance
 * deletes the tagged entries for all of them, so each shows the change on its next request. Installed through the
 * same global slot as the file-system cache (lib/cache/file-system-handler.ts says why not next.config's
 * `cacheHandler`), and keeping the same rules: nothing lib/cache/keep-only-found refuses is stored, and each page
 * gets its script policy (lib/cache/script-policy.ts).
 *
 * Keys carry the build's id: a page rendered by one build refers to that build's scripts and styles, so a new
 * deployment starts from an empty cache instead of serving the old build's pages. The build's own prerendered pages
 * are not copied into Redis at start (the library's registerInitialCache): the first request renders each from
 * the database, which is fresher than a build made minutes earlier.
 */
export function installRedisHandler(redis: Redis): void {
  CacheHandler.onCreation(({ buildId }) => {
    const cache = sharedOrLocal({
      shared: createRedisHandler({
        // The same client; the library's type names a client with only the default protocol version.
        client: redis as Parameters<typeof createRedisHandler>[0]['client'],
        keyPrefix: `broadsheet:${buildId ?? 'dev'}:`,
        timeoutMs: 2000,
      }),
      sharedReady: () => redis.isReady,
      // While Redis is down, each instance keeps what it renders in memory, within bounds.
      createLocal: () => createLruHandler({ maxItemsNumber: 1000, maxItemSizeBytes: 64 * 1024 * 1024 }),
    });
    // Tags revalidated during an outage reach Redis as soon as it is back, not only at this instance's next request.
    redis.on('ready', () => void cache.recover());
    // Each entry leaves Redis a day and a half after it was stored (the library's default is a year and a half),
    // so the pages of builds that no longer run do not pile up there; a page still visited is rendered again.
    return { handlers: [cache], ttl: { defaultStaleAge: 24 * 60 * 60 } };
  });

  class KeepOnlyFound extends CacheHandler {
    constructor(...args: ConstructorParameters<typeof CacheHandler>) {
      super(...args);
      rememberPageCacheHandler(this);
    }

    override async set(...args: Parameters<CacheHandler['set']>): Promise<void> {
      if (!isWorthKeeping(args[1])) return;
      addScriptPolicy(args[1]);
      return super.set(...args);
    }

    /**
     * Gives a page back its lifetime. Next takes it from the entry, else from the memory of the instance that
     * rendered it; on another instance a page rendered at run time would otherwise count as stale after a second
     * and be rendered again in the background on every visit.
     */
    override async get(...args: Parameters<CacheHandler['get']>): ReturnType<CacheHandler['get']> {
      const entry = await super.get(...args);
      if (entry && entry.value?.kind !== 'FETCH' && !entry.cacheControl && entry.lifespan)
        entry.cacheControl = { revalidate: entry.lifespan.revalidate ?? false, expire: undefined };
      return entry;
    }
  }

  const slot = Symbol.for('@next/cache-handlers');
  const handlers = globalThis as { [slot]?: object };
  handlers[slot] = { ...handlers[slot], FetchCache: KeepOnlyFound };
}
