import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRedis, logRedisTrouble, sharedRedis } from './client';

describe('sharedRedis', () => {
  afterAll(closeSharedRedis);

  it('is null without REDIS_URL: Redis is never required', () => {
    const saved = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      expect(sharedRedis()).toBeNull();
    } finally {
      if (saved !== undefined) process.env.REDIS_URL = saved;
    }
  });

  it('talks to the Redis that REDIS_URL names', async () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:6379';
    try {
      const redis = sharedRedis()!;
      const key = `broadsheet-test:${process.pid}:${Date.now()}`;
      await new Promise((resolve) => (redis.isReady ? resolve(null) : redis.once('ready', resolve)));
      await redis.set(key, 'here', { expiration: { type: 'PX', value: 5000 } });
      expect(await redis.get(key)).toBe('here');
      expect(sharedRedis()).toBe(redis);
    } finally {
      delete process.env.REDIS_URL;
    }
  });
});

describe('logRedisTrouble', () => {
  it('logs once a minute, not once per failing request', () => {
    const start = 10 * 60_000;
    expect(logRedisTrouble('test', new Error('down'), start)).toBe(true);
    expect(logRedisTrouble('test', new Error('down'), start + 30_000)).toBe(false);
    expect(logRedisTrouble('test', new Error('down'), start + 61_000)).toBe(true);
  });
});
