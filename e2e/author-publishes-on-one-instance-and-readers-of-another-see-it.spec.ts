import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { freePort, runLoad } from '../bench/load';
import { renderDeployConfig, startNginx, type Nginx } from '../bench/nginx';
import { dropDatabase, freshDatabaseEnv } from '../db/fresh-database';
import { openBucket } from '../lib/storage/s3';
import { startRedisServer, type RedisServer } from '../lib/testing/redis-server';
import { startS3Server, type S3Server } from '../lib/testing/s3-server';
import { startInstance, type Instance } from '../scripts/instances';
import { postComment } from './comment-post';
import { answered, openEditor, publishNewPost, sendComment, signInAs, thisMonth, tinyPng, unique } from './fixtures';
import { sessionCookie } from './server-actions';

/**
 * Two instances of the e2e build, A and B, as deploy/README.md runs them: one PostgreSQL database (several
 * instances cannot share the embedded one, so this spec makes its own on the machine's server, on the PGlite run
 * too), one Redis (a server of the spec's own, which it stops and starts again), one S3-compatible bucket (s3rver)
 * and the shipped nginx in front. Each instance has an upload folder of its own: B can only serve A's files from the
 * bucket.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let redis: RedisServer;
let s3: S3Server;
let nginx: Nginx;
let nginxUrl: string;
let databaseUrl: string;
let a: Instance;
let b: Instance;
/** Starts an instance of the spec's build, on its port, with its own upload folder. */
let start: (port: number, uploads: string) => Promise<Instance>;

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
  s3 = await startS3Server();
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
    TRUST_PROXY: '1',
    ...s3.env,
  };
  start = (port, uploads) => startInstance(port, { ...env, UPLOADS_DIR: uploads }, 'ignore');
  [a, b] = await Promise.all([start(portA, '.data/e2e-uploads-a'), start(portB, '.data/e2e-uploads-b')]);
  const [nginxPort, refreshPort] = [await freePort(), await freePort()];
  nginxUrl = `http://127.0.0.1:${nginxPort}`;
  nginx = await startNginx(
    (dir) =>
      renderDeployConfig({
        cacheDir: `${dir}/cache`,
        upstreamPort: [portA, portB],
        listenPort: nginxPort,
        refreshPort,
      }),
    [`${nginxUrl}/robots.txt`],
  );
});

test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all([redis?.remove(), s3?.stop()]);
  if (databaseUrl) await dropDatabase(databaseUrl);
});

const textOf = async (url: string) => {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
};
const cacheHealthOf = async (instance: Instance) =>
  ((await (await fetch(`${instance.url}/api/health`)).json()) as { cache: string }).cache;

/** Runs `act` signed in as `role` on `instance`'s dashboard, in a browser context of its own. */
async function asStaffOn<T>(
  browser: Browser,
  instance: Instance,
  role: 'author' | 'moderator',
  act: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ baseURL: instance.url });
  try {
    const page = await context.newPage();
    await signInAs(page, role);
    return await act(page);
  } finally {
    await context.close();
  }
}

/** Publishes a post through `instance`'s dashboard as the demo author; returns its address. */
async function publishOn(browser: Browser, instance: Instance, title: string): Promise<string> {
  return asStaffOn(browser, instance, 'author', async (page) => {
    await publishNewPost(page, { title, body: 'The harbour wall was repaired over the weekend.' });
    await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
    return `${thisMonth()}/${await page.getByLabel('Slug').inputValue()}`;
  });
}

/** Rows of the spec's database, read directly (what the instances stored, not what a page shows). */
async function query<T extends object>(text: string, values: string[] = []): Promise<T[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text, values)) as unknown as T[];
  } finally {
    await sql.end();
  }
}

let article: string;

test('a post published on one instance is on the other at once', async ({ browser }) => {
  // B has its front page in the shared cache before the change.
  await textOf(`${b.url}/`);
  const title = `Harbour wall repaired ${unique()}`;
  article = await publishOn(browser, a, title);
  await expect.poll(async () => (await textOf(`${b.url}/`)).includes(title)).toBe(true);
  expect(await textOf(`${b.url}${article}`)).toContain(title);
});

test('a comment approved on one instance is on the other at once', async ({ browser }) => {
  const comment = { name: `Rowan ${unique()}`, body: `Glad the wall is fixed ${unique()}` };
  // First-time commenters are held.
  expect((await sendComment(a.url, article, comment)).text).toContain('"status":"ok"');
  expect(await textOf(`${a.url}${article}`)).not.toContain(comment.body);
  await asStaffOn(browser, b, 'moderator', async (page) => {
    await page.goto(`/dashboard/comments?queue=pending&q=${encodeURIComponent(comment.body)}`);
    // Answered before the page closes: after hydration the row hides at once, while the decision is still on its
    // way, and closing the page then can cancel it (CI saw the comment still pending).
    await answered(page, () => page.getByRole('button', { name: `Approve comment by ${comment.name}` }).click());
    // Gone from the queue, whether the click came before hydration (a plain form POST and a new page) or after (the
    // row hides and an Undo shows for a while): on a crowded CI host both happened. What this test is about is the
    // poll on A below.
    await expect(page.getByRole('button', { name: `Approve comment by ${comment.name}` })).toHaveCount(0);
  });
  // Approved in the database, as B answered: what follows is about A's page cache only.
  expect(
    await query('select 1 from comments where body = $1 and status = $2', [comment.body, 'approved']),
  ).toHaveLength(1);
  await expect
    .poll(async () => (await textOf(`${a.url}${article}`)).includes(comment.body), { timeout: 30_000 })
    .toBe(true);
});

test('a staff comment published on one instance is on both before its answer', async () => {
  const body = `The wall looks grand from the ferry ${unique()}`;
  // Both have the article in the shared cache first.
  const html = await textOf(`${b.url}${article}`);
  expect(await textOf(`${a.url}${article}`)).not.toContain(body);
  const postId = /name="postId" value="(\d+)"/.exec(html)![1];
  const cookie = await sessionCookie(a.url, 'editor@broadsheet.test');
  // Answered before Next: its pages are marked stale on the cache's handler in A's own process, in Redis.
  const answer = await postComment(a.url, { postId, name: '', email: '', body, token: '' }, { cookie });
  expect(answer.text).toContain('"published":true');
  expect(await textOf(`${b.url}${article}`)).toContain(body);
  expect(await textOf(`${a.url}${article}`)).toContain(body);
});

test('a cover uploaded on one instance is served by the other, from the bucket', async ({ browser }) => {
  const title = `Lighthouse repainted ${unique()}`;
  const path = await asStaffOn(browser, a, 'author', async (page) => {
    await openEditor(page, '/dashboard/posts/new');
    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('Cover image', { exact: true })
      .setInputFiles({ name: 'lighthouse.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByLabel('Cover alt text').fill('The lighthouse in fresh white');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
    return `${thisMonth()}/${await page.getByLabel('Slug').inputValue()}`;
  });
  const cover = /\/uploads\/[\w/.-]+\.png/.exec(await textOf(`${b.url}${path}`))?.[0];
  expect(cover).toBeDefined();
  const image = await fetch(`${b.url}${cover}`);
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await image.arrayBuffer()).equals(tinyPng)).toBe(true);
  const { client, name } = openBucket(s3.settings);
  const listed = await client.send(new ListObjectsV2Command({ Bucket: name }));
  client.destroy();
  expect(listed.Contents?.map((object) => `/uploads/${object.Key}`)).toContain(cover);
});

test('a scheduled post is published exactly once with both instances running', async ({ browser }) => {
  const title = `Spring tide warning ${unique()}`;
  const { id, path } = await asStaffOn(browser, a, 'author', async (page) => {
    await openEditor(page, '/dashboard/posts/new');
    await page.getByLabel('Title').fill(title);
    const at = new Date(Date.now() + 4000);
    await page
      .getByLabel('Publish at')
      .fill(new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19));
    await page.getByRole('button', { name: 'Schedule' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Scheduled.' })).toBeVisible();
    return {
      id: /\/dashboard\/posts\/(\d+)/.exec(page.url())![1],
      path: `${thisMonth()}/${await page.getByLabel('Slug').inputValue()}`,
    };
  });
  for (const instance of [a, b])
    await expect.poll(async () => (await textOf(`${instance.url}/`)).includes(title), { timeout: 30_000 }).toBe(true);
  expect(await textOf(`${b.url}${path}`)).toContain(title);
  // Each publication asks once for its pages to be refreshed: one such job means one instance published it.
  const slug = path.split('/').at(-1)!;
  const refreshes = await query<{ n: string }>(
    `select count(*) as n from pgboss.job where name = 'revalidate' and data->'posts' ? $1`,
    [slug],
  );
  expect(Number(refreshes[0].n)).toBe(1);
  const [post] = await query<{ status: string; publish_error: string | null }>(
    'select status, publish_error from posts where id = $1',
    [id],
  );
  expect(post).toEqual({ status: 'published', publish_error: null });
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

test('one instance killed under load: behind nginx no reader sees an error, and no comment taken is lost', async () => {
  test.setTimeout(120_000);
  const marker = unique();
  const taken: string[] = [];
  const readerErrors: string[] = [];
  const load = runLoad(16, 8, async (i) => {
    const started = performance.now();
    if (i % 4 === 0) {
      const body = `Under load ${marker} number ${i}`;
      const answer = await sendComment(nginxUrl, article, { name: `Reader ${i}`, body });
      if (answer.text.includes('"status":"ok"')) taken.push(body);
      return { ok: true, ms: performance.now() - started };
    }
    // A different query each time: past nginx's micro-cache, to the instances themselves.
    const path = i % 2 ? `${article}?n=${i}` : `/?n=${i}`;
    const response = await fetch(`${nginxUrl}${path}`).catch((error: Error) => ({ status: error.message }));
    if (response.status !== 200) readerErrors.push(`${path}: ${response.status}`);
    return { ok: response.status === 200, ms: performance.now() - started };
  });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  a.child.kill('SIGKILL');
  const result = await load;

  expect(readerErrors).toEqual([]);
  expect(result.requests).toBeGreaterThan(50);
  // Comments are stored before they are answered: every one the readers were told was taken is there.
  const stored = await query<{ body: string }>('select body from comments where body like $1', [
    `Under load ${marker} %`,
  ]);
  expect(stored.map((row) => row.body).sort()).toEqual(expect.arrayContaining(taken.sort()));
  expect(taken.length).toBeGreaterThan(0);
});

test('a rolling restart behind nginx: every reader and every comment sent gets its answer', async () => {
  test.setTimeout(180_000);
  // A is back after the SIGKILL above: nginx sends it requests again once it answers.
  a = await start(a.port, '.data/e2e-uploads-a');
  const errors: string[] = [];
  let requests = 0;
  let rolling = true;
  const load = Promise.all(
    Array.from({ length: 8 }, async (_, client) => {
      for (let i = client; rolling; i += 8) {
        requests++;
        if (i % 4 === 0) {
          const answer = await sendComment(nginxUrl, article, {
            name: `Reader ${i}`,
            body: `Rolling ${i} ${unique()}`,
          }).catch((error: Error) => ({ status: error.message }));
          if (answer.status !== 200) errors.push(`comment ${i}: ${answer.status}`);
          continue;
        }
        const path = i % 2 ? `${article}?r=${i}` : `/?r=${i}`;
        const response = await fetch(`${nginxUrl}${path}`).catch((error: Error) => ({ status: error.message }));
        if (response.status !== 200) errors.push(`${path}: ${response.status}`);
      }
    }),
  );
  // One instance at a time, as deploy/README.md's rolling restart does: stop (SIGTERM: it finishes what it has),
  // start, wait until it answers and nginx's fail_timeout (5 s) has passed, then the other.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 6000));
  await settle();
  await b.stop();
  b = await start(b.port, '.data/e2e-uploads-b');
  await settle();
  await a.stop();
  a = await start(a.port, '.data/e2e-uploads-a');
  await settle();
  rolling = false;
  await load;
  expect(errors).toEqual([]);
  expect(requests).toBeGreaterThan(50);
});
