import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFirstViews, REPEAT_WINDOW_MS } from './repeat-filter';

// The Redis every machine here runs (shared/STACK.md); keys under a prefix of this run, removed afterwards.
const prefix = `broadsheet-test:ad-seen:${process.pid}:${Date.now()}:`;
const redisUrl = 'redis://127.0.0.1:6379';
const connect = async () => {
  const client = createClient({ url: redisUrl, disableOfflineQueue: true });
  await client.connect();
  return client;
};
let one: Awaited<ReturnType<typeof connect>>;
let other: Awaited<ReturnType<typeof connect>>;

beforeAll(async () => {
  [one, other] = await Promise.all([connect(), connect()]);
});
afterAll(async () => {
  const keys = await one.keys(`${prefix}*`);
  if (keys.length > 0) await one.del(keys);
  await Promise.all([one.close(), other.close()]);
});

describe('the repeat filter in Redis', () => {
  it('counts each fingerprint once for every instance, for 30 minutes', async () => {
    const [a, b] = [randomBytes(8), randomBytes(8)];
    const now = new Date();
    expect(await claimFirstViews([a, b, a], now, { redis: one, prefix })).toEqual([true, true, false]);
    // Another instance (its own connection) sees the same claims.
    expect(await claimFirstViews([a, b], now, { redis: other, prefix })).toEqual([false, false]);
    const ttl = await one.pTTL(prefix + a.toString('base64url'));
    expect(ttl).toBeGreaterThan(REPEAT_WINDOW_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(REPEAT_WINDOW_MS);
  });

  it('falls back to the process’s memory at once while Redis is down, and says so once', async () => {
    // Port 1: nothing listens there, as when Redis is down.
    const down = createClient({
      url: 'redis://127.0.0.1:1',
      disableOfflineQueue: true,
      socket: { reconnectStrategy: false },
    });
    down.on('error', () => {});
    await down.connect().catch(() => {});
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const fingerprint = randomBytes(8);
      const now = new Date();
      expect(await claimFirstViews([fingerprint], now, { redis: down, prefix })).toEqual([true]);
      expect(await claimFirstViews([fingerprint], now, { redis: down, prefix })).toEqual([false]);
    } finally {
      console.error = original;
    }
    expect(logged.length).toBeLessThanOrEqual(1);
    expect(await one.keys(`${prefix}*`)).toHaveLength(2);
  });
});
