/**
 * `npm run bench`: builds, seeds a throwaway database, serves it on loopback and measures, in one run. Prints a
 * table (figure, value, budget, pass/fail) and writes bench/results/latest.json. Exits 1 when a budget is missed.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { and, count, inArray, like } from 'drizzle-orm';
import { closeDb, getDb } from '@/lib/db';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { comments } from '@/db/schema';
import { postComment } from '../e2e/comment-post';
import { buildDemoSite } from '../scripts/build';
import { keepAliveArgs } from '../scripts/next';
import { adBeacon, freePort, request, runLoad, stopProcess, waitUntilAnswers } from './load';
import { finishReport, record } from './report';
import { measureCommentPath } from './comment-path';
import { measureInstances } from './instances';
import { measureKillLoss, storedImpressions } from './kill';
import { measureMailSend } from './mail';
import { measureRestart } from './restart';
import { measureScale } from './scale';
import { measureBeaconsThroughNginx, measureServing } from './serving';
import { measureStorms } from './storm';

// The PostgreSQL server the run was pointed at, if any: write figures are measured on it beside PGlite's.
const serverUrl = process.env.DATABASE_URL;
const database = await freshDatabaseEnv(process.env.BENCH_DB_NAME ?? 'bench', serverUrl);
Object.assign(process.env, database, {
  NEXT_DIST_DIR: process.env.BENCH_DIST_DIR ?? '.next-bench',
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  SCHEDULER: 'off',
  // The load stands in for nginx: each client's X-Forwarded-For gives it an address of its own.
  TRUST_PROXY: '1',
});
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
process.env.SITE_URL = base;
// Where the nginx of the serving part listens for refreshes (deploy/nginx.conf), as a site owner would set it.
const refreshPort = await freePort();
process.env.CACHE_REFRESH_URL = `http://127.0.0.1:${refreshPort}`;

// BENCH_PARTS picks what runs: `scale`, `serving`, `storm`, `instances`, `mail`, `restart`, `kill` or all (the default),
// e.g. BENCH_PARTS=serving npm run bench. The comment and beacon loads always run.
const parts = (process.env.BENCH_PARTS ?? 'scale,serving,storm,instances,mail,restart,kill').split(',');

// Build time, queries and first visits against archives of 1,000 and 10,000 posts (own databases, builds, servers).
if (parts.includes('scale')) await measureScale();

console.log('Preparing: migrate, seed, build…');
await buildDemoSite();

// With the keep-alive the README's deployment gives it, so nginx's connections to it stay open (deploy/nginx.conf).
const server = spawn(
  'node_modules/.bin/next',
  ['start', '--hostname', '127.0.0.1', '--port', String(port), ...keepAliveArgs],
  { stdio: 'ignore', env: process.env },
);
await waitUntilAnswers(`${base}/robots.txt`, { child: server, what: 'next start' });

try {
  const month = new Date().toISOString().slice(0, 7).replace('-', '/');
  const articlePath = `/${month}/harbour-wall-repairs-begin`;
  const article = base + articlePath;
  console.log('Measuring…');
  if (parts.includes('serving'))
    await measureServing({
      base,
      port,
      refreshPort,
      distDir: process.env.NEXT_DIST_DIR!,
      articlePath,
      month,
      freePort,
    });

  // Disk growth under anonymous storms, before the comment load below writes to the database.
  if (parts.includes('storm')) await measureStorms({ base, distDir: process.env.NEXT_DIST_DIR!, articlePath });

  // Comment submissions from 50 clients for 10 seconds, each from its own network (the per-IP limit is 5), posted as
  // the form's script posts them.
  const articleHtml = (await request(article)).body;
  const postId = /name="postId" value="(\d+)"/.exec(articleHtml)![1];
  const { token } = JSON.parse((await request(`${base}/api/comments/token`)).body) as { token: string };
  await new Promise((resolve) => setTimeout(resolve, 3100));
  const load = await runLoad(50, 10, async (i) => {
    const started = performance.now();
    const answer = await postComment(
      base,
      { postId, name: `Bench reader ${i}`, email: '', body: `bench-comment ${i} about the harbour wall`, token },
      { headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } },
    );
    return { ok: answer.status === 200 && answer.text.includes('"status":"ok"'), ms: performance.now() - started };
  });
  // Budgets of issue 29: twice the 45/s of its day, p99 ≤ 500 ms.
  record({
    figure: 'comments accepted per second (50 clients, 10 s)',
    value: load.perSecond,
    unit: 'req/s',
    budget: '≥ 90/s',
    pass: load.perSecond >= 90,
  });
  record({ figure: 'comment submission p99', value: load.p99, unit: 'ms', budget: '≤ 500 ms', pass: load.p99 <= 500 });

  // Ad impression beacons from 200 clients for 10 s, each from its own network: every one must be counted.
  const adId = Number(/data-ad="(\d+)"/.exec(articleHtml)![1]);
  const beacons = await runLoad(200, 10, (i) => adBeacon(base, adId, i, 172));
  // Budgets of issue 29: ten times the 179/s a beacon made when each one wrote to the database, p99 ≤ 100 ms.
  record({
    figure: 'ad beacons per second (200 clients, 10 s)',
    value: beacons.perSecond,
    unit: 'req/s',
    budget: '≥ 1,790/s',
    pass: beacons.perSecond >= 1790,
  });
  record({ figure: 'ad beacon p99', value: beacons.p99, unit: 'ms', budget: '≤ 100 ms', pass: beacons.p99 <= 100 });

  const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  // Issue 29's budget for a small VPS.
  record({ figure: 'server memory (RSS) after the run', value: rss, unit: 'MB', budget: '≤ 300 MB', pass: rss <= 300 });
  if (parts.includes('serving')) await measureBeaconsThroughNginx({ freePort, port, refreshPort }, articleHtml);

  await stopProcess(server);
  const db = await getDb();
  const [{ stored }] = await db
    .select({ stored: count() })
    .from(comments)
    .where(and(like(comments.body, 'bench-comment %'), inArray(comments.status, ['pending', 'approved'])));
  await closeDb();
  const impressions = await storedImpressions(adId);
  record({ figure: 'ad beacons answered', value: beacons.ok, unit: '' });
  record({
    figure: 'impressions stored',
    value: Number(impressions),
    unit: '',
    budget: '= answered',
    pass: Number(impressions) === beacons.ok,
  });
  record({ figure: 'comments answered as accepted', value: load.ok, unit: '' });
  record({
    figure: 'comments stored',
    value: Number(stored),
    unit: '',
    budget: '= accepted',
    pass: Number(stored) === load.ok,
  });
  // Two instances on PostgreSQL and Redis of their own, from this build (on either bench database).
  if (parts.includes('instances')) await measureInstances({ month });
  // The comment path without Next, on each database: PGlite, and PostgreSQL beside it when the run has a server.
  await measureCommentPath(undefined);
  if (serverUrl) await measureCommentPath(serverUrl);
  if (parts.includes('mail')) measureMailSend(serverUrl);
  if (parts.includes('restart')) await measureRestart({ port, label: 'demo' });
  // Last: a SIGKILL is what the embedded database is least sure to come back from.
  if (parts.includes('kill')) await measureKillLoss({ port, adId });
} finally {
  if (server.exitCode === null) server.kill('SIGTERM');
  if (database.DATABASE_URL) await dropDatabase(database.DATABASE_URL);
}

process.exit(finishReport() ? 0 : 1);
