import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { freePort } from '../bench/load';
import { dropDatabase, freshDatabaseEnv } from '../db/fresh-database';
import { startRedisServer, type RedisServer } from '../lib/testing/redis-server';
import { startInstance, type Instance } from '../scripts/instances';
import { publishNewPost, signInAs, thisMonth, unique } from './fixtures';

/**
 * Two instances of the e2e build, A and B, as deploy/README.md runs them: one PostgreSQL database (several
 * instances cannot share the embedded one, so this spec makes its own on the machine's server, on the PGlite run
 * too) and one Redis (a server of the spec's own, which it stops and starts again).
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let redis: RedisServer;
let databaseUrl: string;
let a: Instance;
let b: Instance;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const made = await freshDatabaseEnv(
    'two_instances',
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/broadsheet',
  );
  databaseUrl = made.DATABASE_URL!;
  execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/seed.ts', '--demo'],
    // The seed drops a build's fingerprint: this one names no build.
    { env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_DIST_DIR: '.next-e2e-seed' }, stdio: 'ignore' },
  );
  redis = await startRedisServer();
  const [portA, portB] = [await freePort(), await freePort()];
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    NEXT_DIST_DIR: '.next-e2e',
    SITE_URL: `http://127.0.0.1:${portA}`,
    CACHE_REFRESH_URL: '',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    SCHEDULER_INTERVAL_MS: '1000',
    COMMENT_MIN_SECONDS: '0',
    UPLOADS_DIR: '.data/e2e-uploads',
    TRUST_PROXY: '1',
  };
  [a, b] = await Promise.all([startInstance(portA, env, 'ignore'), startInstance(portB, env, 'ignore')]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.remove();
  if (databaseUrl) await dropDatabase(databaseUrl);
});

const textOf = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
};
const cacheHealthOf = async (instance: Instance) =>
  ((await (await fetch(`${instance.url}/api/health`)).json()) as { cache: string }).cache;

/** Publishes a post through `instance`'s dashboard as the demo author; returns its address. */
async function publishOn(browser: Browser, instance: Instance, title: string): Promise<string> {
  const context = await browser.newContext({ baseURL: instance.url });
  const page = await context.newPage();
  await signInAs(page, 'author');
  await publishNewPost(page, { title, body: 'The harbour wall was repaired over the weekend.' });
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const slug = await page.getByLabel('Slug').inputValue();
  await context.close();
  return `${thisMonth()}/${slug}`;
}

test('a post published on one instance is on the other at once', async ({ browser }) => {
  // B has its front page in the shared cache before the change.
  await textOf(`${b.url}/`);
  const title = `Harbour wall repaired ${unique()}`;
  const article = await publishOn(browser, a, title);
  await expect.poll(async () => (await textOf(`${b.url}/`)).includes(title)).toBe(true);
  expect(await textOf(`${b.url}${article}`)).toContain(title);
});

test('with Redis stopped both instances serve and take writes; once it is back they share again', async ({
  browser,
}) => {
  const before = await publishOn(browser, b, `Ferry timetable ${unique()}`);
  await redis.stop();
  for (const instance of [a, b]) {
    await expect.poll(() => cacheHealthOf(instance)).toBe('failed');
    for (const path of ['/', before]) await textOf(`${instance.url}${path}`);
  }

  // A write during the outage: live on the instance that made it.
  const duringOutage = `Lifeboat launched ${unique()}`;
  await publishOn(browser, a, duringOutage);
  await expect.poll(async () => (await textOf(`${a.url}/`)).includes(duringOutage)).toBe(true);

  // Redis comes back with its copies from before the outage; A's change reaches B anyway, and later ones at once.
  await redis.start();
  for (const instance of [a, b]) await expect.poll(() => cacheHealthOf(instance)).toBe('ok');
  await expect.poll(async () => (await textOf(`${b.url}/`)).includes(duringOutage)).toBe(true);
  const afterwards = `Pier reopens ${unique()}`;
  await publishOn(browser, b, afterwards);
  await expect.poll(async () => (await textOf(`${a.url}/`)).includes(afterwards)).toBe(true);
});
