/**
 * Several instances (issue 27), on a PostgreSQL database of their own with the demo newsroom and a Redis of their
 * own, from the bench's build:
 * - behind the shipped nginx, requests a second on a cached article with one and with two instances upstream
 *   (past nginx's micro-cache, which would otherwise answer for both: a session cookie's name makes it step aside);
 * - a post published on instance A, live on instance B (article and home page): p50 and max, budget max ≤ 1 s;
 * - the cost of the Redis page cache per cached request, against Next's file cache (two more instances, one
 *   without REDIS_URL), as a ratio of the same run.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { startRedisServer } from '@/lib/testing/redis-server';
import { callAction, sessionCookie } from '../e2e/server-actions';
import { startInstance, type Instance } from '../scripts/instances';
import { freePort, request } from './load';
import { renderDeployConfig, startNginx } from './nginx';
import { record } from './report';
import { wrk } from './wrk';

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const seconds = Number(process.env.BENCH_WRK_SECONDS ?? 8);

export async function measureInstances({ month }: { month: string }): Promise<void> {
  const { DATABASE_URL } = await freshDatabaseEnv('bench_instances', 'postgres://postgres@127.0.0.1:5432/broadsheet');
  execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/seed.ts', '--demo'], {
    env: { ...process.env, DATABASE_URL, NEXT_DIST_DIR: '.next-bench-seed' },
    stdio: 'ignore',
  });
  const redis = await startRedisServer();
  const refreshPort = await freePort();
  const shared = {
    DATABASE_URL,
    REDIS_URL: redis.url,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    SCHEDULER: 'off',
    CACHE_REFRESH_URL: `http://127.0.0.1:${refreshPort}`,
  };
  const instances: Instance[] = [];
  const start = async (env: Record<string, string | undefined>) => {
    const instance = await startInstance(await freePort(), { ...shared, ...env }, 'ignore');
    instances.push(instance);
    return instance;
  };
  try {
    const [a, b] = [await start({}), await start({})];
    const article = `/${month}/harbour-wall-repairs-begin`;
    await throughNginx([a.port], [a.port, b.port], article, refreshPort);
    await publishToLive(a, b, month);
    await redisAgainstFile(await start({ REDIS_URL: '' }), b, article);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await redis.remove();
    await dropDatabase(DATABASE_URL!);
  }
}

/** wrk through nginx on the cached article, with one instance upstream and with two, in alternating order. */
async function throughNginx(one: number[], two: number[], article: string, refreshPort: number): Promise<void> {
  const perSecond: Record<'one' | 'two', number[]> = { one: [], two: [] };
  const load: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const upstream of (round % 2 ? ['two', 'one'] : ['one', 'two']) as ('one' | 'two')[]) {
      const listenPort = await freePort();
      const url = `http://127.0.0.1:${listenPort}${article}`;
      const nginx = await startNginx(
        (dir) =>
          renderDeployConfig({
            cacheDir: `${dir}/cache`,
            upstreamPort: upstream === 'one' ? one : two,
            listenPort,
            refreshPort,
          }),
        [`http://127.0.0.1:${listenPort}/robots.txt`],
      );
      try {
        await request(url);
        const result = await wrk(url, { connections: 50, seconds, header: 'Cookie: authjs.session-token=bench' });
        perSecond[upstream].push(result.perSecond);
        load.push(os.loadavg()[0]);
      } finally {
        await nginx.stop();
      }
    }
  }
  console.log(
    `  one instance: ${perSecond.one.map(Math.round).join(' ')}; two: ${perSecond.two.map(Math.round).join(' ')}`,
  );
  record({ figure: 'cached article through nginx, one instance', value: median(perSecond.one), unit: 'req/s' });
  record({ figure: 'cached article through nginx, two instances', value: median(perSecond.two), unit: 'req/s' });
  record({
    figure: 'two instances / one (median of rounds)',
    value: median(perSecond.two.map((value, i) => (value / perSecond.one[i]) * 100)),
    unit: '%',
  });
  record({ figure: 'load average during those rounds', value: median(load), unit: '' });
}

/** A post published through A's server action, polled on B (article and home page) until both show it. */
async function publishToLive(a: Instance, b: Instance, month: string): Promise<void> {
  const author = await sessionCookie(a.url, 'author@broadsheet.test');
  const delays: number[] = [];
  // Round 0 is not counted: B's first render of the home page and of an article loads their code, once in its life.
  for (let round = 0; round <= Number(process.env.BENCH_LIVE_ROUNDS ?? 20); round++) {
    const slug = `bench-instances-${round}-${Date.now()}`;
    const status = await callAction({
      baseUrl: a.url,
      page: '/dashboard/posts/new',
      file: 'lib/posts/actions.ts',
      name: 'savePostAction',
      cookie: author,
      fields: { title: `Bench ${slug}`, slug, intent: 'publish' },
    });
    if (status >= 400) throw new Error(`publishing on A answered ${status}`);
    const returned = performance.now();
    let live = false;
    while (!live && performance.now() - returned < 10_000) {
      const [page, front] = await Promise.all([request(`${b.url}/${month}/${slug}`), request(`${b.url}/`)]);
      live = page.status === 200 && front.body.includes(slug);
    }
    if (round > 0) delays.push(live ? performance.now() - returned : Infinity);
  }
  console.log(`  publish on A → live on B: ${delays.map((v) => v.toFixed(0)).join(' ')} ms`);
  record({ figure: 'publish on A → live on B (article and home), p50', value: median(delays), unit: 'ms' });
  const max = Math.max(...delays);
  record({ figure: 'publish on A → live on B, max', value: max, unit: 'ms', budget: '≤ 1000 ms', pass: max <= 1000 });
}

/** wrk straight at two instances on the same cached article, one with the file cache and one with Redis. */
async function redisAgainstFile(file: Instance, shared: Instance, article: string): Promise<void> {
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const rates: Record<'file' | 'redis', number> = { file: 0, redis: 0 };
    for (const name of (round % 2 ? ['redis', 'file'] : ['file', 'redis']) as ('file' | 'redis')[]) {
      const url = `${(name === 'file' ? file : shared).url}${article}`;
      await request(url);
      rates[name] = (await wrk(url, { connections: 50, seconds })).perSecond;
    }
    ratios.push((rates.redis / rates.file) * 100);
  }
  console.log(`  Redis / file cache per round: ${ratios.map((v) => v.toFixed(0)).join(' ')} %`);
  record({ figure: 'cached article, Redis cache / file cache (median of rounds)', value: median(ratios), unit: '%' });
}
