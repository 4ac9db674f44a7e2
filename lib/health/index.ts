import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { sharedRedis } from '@/lib/redis/client';
import { storage } from '@/lib/storage';

export type Health = { db: 'ok' | 'failed'; cache: 'ok' | 'off' | 'failed'; storage: 'ok' | 'failed' };

/** How long a part may take to answer before it counts as failed: a health check must answer quickly. */
const TIMEOUT_MS = 2000;

/**
 * Whether this instance can serve, for a load balancer or a deploy script (GET /api/health): the database answers a
 * query, the shared cache (Redis, when REDIS_URL is set) a PING, the storage says it can take files. Only the
 * database decides: without Redis pages still serve, from each instance's memory or a render
 * (lib/cache/shared-or-local.ts), without the bucket only uploads fail, and a check that failed every instance at
 * once whenever one shared service did would turn a slower site into no site at all.
 */
export async function checkHealth(): Promise<{ ready: boolean; parts: Health }> {
  const redis = sharedRedis();
  const [db, cache, files] = await Promise.all([
    answers(async () => (await getDb()).execute(sql`select 1`)),
    redis ? answers(() => redis.ping()) : Promise.resolve('off' as const),
    answers(async () => (await storage()).reachable()),
  ]);
  return { ready: db === 'ok', parts: { db, cache, storage: files } };
}

async function answers(check: () => Promise<unknown>): Promise<'ok' | 'failed'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'ok';
  } catch {
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}
