import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSharedRedis } from '@/lib/redis/client';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { startRedisServer, type RedisServer } from '@/lib/testing/redis-server';
import { checkHealth } from '.';

describe('checkHealth', () => {
  useFreshDatabase('health');
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    delete process.env.REDIS_URL;
    await closeSharedRedis();
    await redis?.remove();
  });

  it('is ready when the database answers; the cache is off without REDIS_URL', async () => {
    expect(await checkHealth()).toEqual({ ready: true, parts: { db: 'ok', cache: 'off', storage: 'ok' } });
  });

  it('reports a Redis that does not answer, and stays ready: pages still serve without it', async () => {
    process.env.REDIS_URL = redis.url;
    await expect.poll(async () => (await checkHealth()).parts.cache).toBe('ok');
    await redis.stop();
    expect(await checkHealth()).toEqual({ ready: true, parts: { db: 'ok', cache: 'failed', storage: 'ok' } });
    await redis.start();
    await expect.poll(async () => (await checkHealth()).parts.cache, { timeout: 5000 }).toBe('ok');
  });
});
