import { parseArgs } from 'node:util';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { env } from '@/lib/env';
import { startS3Server } from '@/lib/testing/s3-server';
import { freePort } from '../bench/load';
import { renderDeployConfig, startNginx } from '../bench/nginx';
import { ensureAuthSecret } from './auth-secret';
import { buildDemoSite, buildSiteIfChanged } from './build';
import { startInstance, type Instance } from './instances';
import { prepareDatabase } from './prepare-db';

/**
 * `npm run cluster [-- --instances N --port P]`: Broadsheet as several instances on one machine, to try what
 * deploy/README.md describes. N `next start` instances (default 2) share PostgreSQL (DATABASE_URL, else a fresh
 * `broadsheet_cluster` database on the machine's server with the demo newsroom and its accounts), Redis (REDIS_URL,
 * else the machine's redis://127.0.0.1:6379) and a bucket (S3_BUCKET and the rest, else a local S3-compatible
 * server, s3rver, with its files in a temporary folder), behind the shipped deploy/nginx.conf on P (default 8080).
 * Stays in the foreground until Ctrl-C or SIGTERM, then stops everything it started (and drops the database it made).
 */
const { values } = parseArgs({
  options: { instances: { type: 'string', default: '2' }, port: { type: 'string', default: '8080' } },
});
const count = Number(values.instances);
const port = Number(values.port);
const refreshPort = await freePort();

ensureAuthSecret();
const made = env().DATABASE_URL
  ? undefined
  : await freshDatabaseEnv('cluster', 'postgres://postgres@127.0.0.1:5432/broadsheet');
// Uploads go to the bucket, so that every instance serves every file.
const s3 = env().S3_BUCKET ? undefined : await startS3Server();
Object.assign(process.env, {
  ...made,
  ...s3?.env,
  REDIS_URL: env().REDIS_URL ?? 'redis://127.0.0.1:6379',
  // Its own build, beside the developer's .next: SITE_URL below is baked into it.
  NEXT_DIST_DIR: '.next-cluster',
  SITE_URL: `http://127.0.0.1:${port}`,
  CACHE_REFRESH_URL: `http://127.0.0.1:${refreshPort}`,
  TRUST_PROXY: '1',
});
if (made) await buildDemoSite();
else {
  await prepareDatabase();
  await buildSiteIfChanged();
}

const instances: Instance[] = [];
for (let i = 0; i < count; i++) instances.push(await startInstance(await freePort(), {}));
const nginx = await startNginx(
  (dir) =>
    renderDeployConfig({
      cacheDir: `${dir}/cache`,
      upstreamPort: instances.map((instance) => instance.port),
      listenPort: port,
      refreshPort,
    }),
  [`http://127.0.0.1:${port}/robots.txt`],
);
instances.forEach((instance, i) => console.log(`instance ${i + 1}: ${instance.url}`));
console.log(`nginx: http://127.0.0.1:${port}`);
console.log('cluster ready');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await nginx.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  await s3?.stop();
  if (made?.DATABASE_URL) await dropDatabase(made.DATABASE_URL);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
