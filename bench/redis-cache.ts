/**
 * The cost of the shared Redis page cache per cached request, against Next's file cache: two `next start` of one
 * existing build (BENCH_DIST_DIR, default .next-e2e) on one PostgreSQL database with the demo newsroom, one with
 * REDIS_URL (a redis-server of its own) and one without, and wrk on the same cached article, alternating.
 *   npx tsx --conditions=react-server bench/redis-cache.ts
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { startRedisServer } from '@/lib/testing/redis-server';
import { startInstance } from '../scripts/instances';
import { freePort, request } from './load';
import { wrk } from './wrk';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const { DATABASE_URL } = await freshDatabaseEnv('bench_redis', 'postgres://postgres@127.0.0.1:5432/broadsheet');
execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/seed.ts', '--demo'], {
  env: { ...process.env, DATABASE_URL, NEXT_DIST_DIR: '.next-bench-seed' },
  stdio: 'ignore',
});
const redis = await startRedisServer();
const shared = {
  DATABASE_URL,
  NEXT_DIST_DIR: process.env.BENCH_DIST_DIR ?? '.next-e2e',
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  SCHEDULER: 'off',
  CACHE_REFRESH_URL: '',
};
const servers = {
  file: await startInstance(await freePort(), { ...shared, REDIS_URL: '' }, 'ignore'),
  redis: await startInstance(await freePort(), { ...shared, REDIS_URL: redis.url }, 'ignore'),
};
try {
  // The newest article, as a reader would reach it from the front page.
  const home = (await request(`${servers.file.url}/`)).body;
  const article = home.match(/href="(\/\d{4}\/\d{2}\/[^"]+)"/)![1];
  const perSecond: Record<keyof typeof servers, number[]> = { file: [], redis: [] };
  for (let round = 0; round < rounds; round++)
    for (const name of (round % 2 ? ['redis', 'file'] : ['file', 'redis']) as (keyof typeof servers)[]) {
      const url = `${servers[name].url}${article}`;
      await request(url);
      perSecond[name].push((await wrk(url, { connections: 50, seconds: 8 })).perSecond);
    }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  const ratios = perSecond.redis.map((value, i) => value / perSecond.file[i]);
  console.log(
    JSON.stringify({ article, perSecond, ratioRedisToFile: median(ratios), loadAverage: os.loadavg()[0] }, null, 2),
  );
} finally {
  await Promise.all([servers.file.stop(), servers.redis.stop()]);
  await redis.remove();
  await dropDatabase(DATABASE_URL!);
}
