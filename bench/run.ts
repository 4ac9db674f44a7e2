/**
 * `npm run bench`: builds, seeds a throwaway database, serves it on loopback and measures, in one run. Prints a
 * table (figure, value, budget, pass/fail) and writes bench/results/latest.json. Exits 1 when a budget is missed.
 */
import { randomBytes } from 'node:crypto';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { buildDemoSite } from '../scripts/build';
import { startInstance } from '../scripts/instances';
import { freePort, request, stopProcess } from './load';
import { finishReport } from './report';
import { measureCommentPath } from './comment-path';
import { measureInstances } from './instances';
import { measureKillLoss } from './kill';
import { measureMailSend } from './mail';
import { measureRestart } from './restart';
import { measureScale } from './scale';
import { measureBeaconsThroughNginx, measureServing } from './serving';
import { measureStorms } from './storm';
import { measureWriteLoads, recordStored } from './write-loads';
import { measureWriteLoadsOnPglite } from './write-loads-pglite';

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
const { child: server } = await startInstance(port, {}, 'ignore');

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

  const articleHtml = (await request(article)).body;
  const driver = serverUrl ? 'PostgreSQL' : 'PGlite';
  const answered = await measureWriteLoads({ base, articlePath, pid: server.pid! }, driver);
  if (parts.includes('serving')) await measureBeaconsThroughNginx({ freePort, port, refreshPort }, articleHtml);
  await stopProcess(server);
  await recordStored(answered);
  // Issue 29 asks for each write figure on both databases: with a server, the same loads again on PGlite.
  if (serverUrl) await measureWriteLoadsOnPglite({ port, articlePath });
  // Two instances on PostgreSQL and Redis of their own, from this build (on either bench database).
  if (parts.includes('instances')) await measureInstances({ month });
  // The comment path without Next, on each database: PGlite, and PostgreSQL beside it when the run has a server.
  await measureCommentPath(undefined);
  if (serverUrl) await measureCommentPath(serverUrl);
  if (parts.includes('mail')) measureMailSend(serverUrl);
  if (parts.includes('restart')) await measureRestart({ port, label: 'demo' });
  // Last: a SIGKILL is what the embedded database is least sure to come back from.
  if (parts.includes('kill')) await measureKillLoss({ port, adId: answered.adId });
} finally {
  if (server.exitCode === null) server.kill('SIGTERM');
  if (database.DATABASE_URL) await dropDatabase(database.DATABASE_URL);
}

process.exit(finishReport() ? 0 : 1);
