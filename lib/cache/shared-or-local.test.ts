import createLruHandler from '@fortedigital/nextjs-cache-handler/local-lru';
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedisServer, type RedisServer } from '@/lib/testing/redis-server';
import { sharedOrLocal, type Handler } from './shared-or-local';

/**
 * Two instances' page caches on one real Redis (a server of the test's own): what one stores the other reads, a tag
 * revalidated on one is gone for both; with Redis stopped each keeps working from its memory, and once Redis is
 * back, tags revalidated meanwhile are replayed there before anything is read from it.
 */
describe('sharedOrLocal on a real Redis', () => {
  let redis: RedisServer;
  const clients: { destroy: () => void }[] = [];

  function instance() {
    const client = createClient({
      url: redis.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 1000, reconnectStrategy: () => 100 },
    });
    client.on('error', () => {});
    clients.push(client);
    const cache = sharedOrLocal({
      shared: createRedisHandler({ client: client as never, keyPrefix: 'test:' }),
      sharedReady: () => client.isReady,
      createLocal: () => createLruHandler(),
    });
    client.on('ready', () => void cache.recover());
    return { client, cache };
  }

  const page = (body: string, tags = ['posts']) =>
    ({
      lastModified: Date.now(),
      lifespan: null,
      tags,
      value: { kind: 'FETCH', data: { headers: {}, body, status: 200, url: '' }, revalidate: false },
    }) as unknown as Parameters<Handler['set']>[1];
  const bodyOf = async (cache: Handler, key: string) => {
    const entry = await cache.get(key, { implicitTags: [] });
    return entry ? (entry.value as { data: { body: string } }).data.body : null;
  };
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await check()).toBe(true);
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.destroy()));
    await redis?.remove();
  });

  it('shares entries and tag revalidations between instances, falls back while Redis is down, and recovers', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.client.connect(), b.client.connect()]);

    await a.cache.set('/front', page('front v1'));
    expect(await bodyOf(b.cache, '/front')).toBe('front v1');
    await b.cache.revalidateTag('posts');
    expect(await bodyOf(a.cache, '/front')).toBeNull();
    await b.cache.set('/front', page('front v2'));
    await b.cache.set('/about', page('about', ['pages']));

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await redis.stop();
    await until(async () => !a.client.isReady && !b.client.isReady);
    // Reads miss (a render follows), writes and revalidations succeed, each instance keeps its own copies.
    expect(await bodyOf(a.cache, '/front')).toBeNull();
    await a.cache.set('/front', page('front v3, rendered during the outage'));
    expect(await bodyOf(a.cache, '/front')).toBe('front v3, rendered during the outage');
    await a.cache.revalidateTag('posts');
    expect(await bodyOf(a.cache, '/front')).toBeNull();
    expect(errors.mock.calls.length).toBeLessThanOrEqual(1);
    errors.mockRestore();

    // Redis comes back with its data from before the outage: the copy A's revalidation made stale is gone for B.
    await redis.start();
    await until(async () => a.client.isReady && b.client.isReady);
    await until(async () => (await bodyOf(b.cache, '/front')) === null);
    expect(await bodyOf(b.cache, '/about')).toBe('about');
    await a.cache.set('/front', page('front v4'));
    expect(await bodyOf(b.cache, '/front')).toBe('front v4');
  });
});
