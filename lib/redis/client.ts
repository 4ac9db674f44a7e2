import 'server-only';
import { createClient } from '@redis/client';
import { env } from '@/lib/env';

export type Redis = ReturnType<typeof createClient>;

const MINUTE = 60_000;
// On globalThis: Next bundles this module once for instrumentation.ts (the page cache) and again for the routes, and
// each copy would otherwise open its own connection and keep its own once-a-minute clock.
const shared = globalThis as unknown as { broadsheetRedis?: { connection: Redis | null; lastLogged: number } };
const state = (shared.broadsheetRedis ??= { connection: null, lastLogged: -Infinity });

/**
 * Logs a Redis problem at most once a minute: while Redis is down every request meets it, and a log line per request
 * would bury everything else. Returns whether it logged.
 */
export function logRedisTrouble(what: string, error: unknown, now = Date.now()): boolean {
  if (now - state.lastLogged < MINUTE) return false;
  state.lastLogged = now;
  console.error(`redis: ${what} (${(error as Error)?.message ?? error}); logged once a minute while it lasts`);
  return true;
}

/**
 * The Redis every instance shares (REDIS_URL), or null when none is configured. Connected on first use; reconnects by
 * itself, backing off to every 2 s. Commands sent while it is down fail at once instead of queueing (callers fall
 * back to their local path: a page renders, a count is kept in memory), so a dead Redis never holds a request.
 */
export function sharedRedis(): Redis | null {
  const url = env().REDIS_URL;
  if (!url) return null;
  if (!state.connection) {
    const connection: Redis = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    });
    connection.on('error', (error) => logRedisTrouble('connection', error));
    connection.connect().catch((error) => logRedisTrouble('connect', error));
    state.connection = connection;
  }
  return state.connection;
}

/** Closes the shared connection (tests, shutdown). */
export async function closeSharedRedis(): Promise<void> {
  const closing = state.connection;
  state.connection = null;
  if (closing?.isOpen) await closing.close();
}
