import type createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import { logRedisTrouble } from '@/lib/redis/client';

/** What the cache handler library calls a store (its own type is not exported). */
export type Handler = ReturnType<typeof createLruHandler>;

/**
 * One page cache made of the shared one (Redis) and, while it cannot be reached, this instance's own memory. Every
 * call goes to the shared cache while it answers; when it fails, pages are read from and stored in the local one,
 * so an outage costs renders, never an error page, and writes (their tag revalidations) still succeed.
 *
 * Tags revalidated during an outage are kept and replayed on the shared cache once it answers again: otherwise its
 * copies from before the outage would come back as current. The local copies are dropped then, since other
 * instances' changes after the outage never reached them.
 */
export function sharedOrLocal({
  shared,
  sharedReady,
  createLocal,
}: {
  shared: Handler;
  /** Whether the shared cache's connection is up now (a call would not fail at once). */
  sharedReady: () => boolean;
  createLocal: () => Handler;
}): Handler & { recover: () => Promise<boolean> } {
  let local = createLocal();
  let down = false;
  let recovering: Promise<boolean> | null = null;
  const missedTags = new Set<string>();

  /** After an outage: replays what was missed, then uses the shared cache again. Whether it is usable now. */
  function recover(): Promise<boolean> {
    if (!down) return Promise.resolve(true);
    if (!sharedReady()) return Promise.resolve(false);
    recovering ??= replayMissedTags().finally(() => (recovering = null));
    return recovering;
  }

  async function replayMissedTags(): Promise<boolean> {
    try {
      for (const tag of [...missedTags]) {
        await shared.revalidateTag(tag);
        missedTags.delete(tag);
      }
    } catch (error) {
      logRedisTrouble('page cache', error);
      return false;
    }
    down = false;
    local = createLocal();
    return true;
  }

  /** Runs `call` on the shared cache, or on the local one while the shared cannot be used. */
  async function either<T>(call: (handler: Handler) => Promise<T>, onFailure?: () => void): Promise<T> {
    if (await recover()) {
      try {
        return await call(shared);
      } catch (error) {
        down = true;
        onFailure?.();
        logRedisTrouble('page cache', error);
      }
    } else onFailure?.();
    return call(local);
  }

  return {
    name: `${shared.name} or local memory`,
    get: (key, meta) => either((handler) => handler.get(key, meta)),
    set: (key, value, ctx) => either((handler) => handler.set(key, value, ctx)),
    revalidateTag: (tag) =>
      either(
        (handler) => handler.revalidateTag(tag),
        () => missedTags.add(tag),
      ),
    delete: (key) => either((handler) => handler.delete?.(key) ?? Promise.resolve()),
    recover,
  };
}
