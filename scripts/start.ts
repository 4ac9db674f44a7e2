import fs from 'node:fs';
import { env } from '@/lib/env';
import { ensureAuthSecret } from './auth-secret';
import { isSiteBuilt } from './build-fingerprint';
import { keepAliveArgs, runNext } from './next';

// `npm start`: migrate, seed on first run, build when something that shapes the build changed, serve. PORT overrides
// 3000. With nothing changed (a restart, a reboot, a crash) it serves the existing build at once: the server brings
// the database up to date as it starts (instrumentation.ts), and its first request is the first page served.
ensureAuthSecret();
const { DATABASE_URL, PGLITE_DIR } = env();
const firstRun = !DATABASE_URL && !fs.existsSync(PGLITE_DIR);
if (firstRun || !isSiteBuilt()) {
  // Loaded only when there is something to build: the database driver and the build's steps take one to two
  // seconds to load, which a restart of an unchanged site would otherwise wait for.
  const [{ prepareDatabase }, { buildSite }] = await Promise.all([import('./prepare-db'), import('./build')]);
  await prepareDatabase();
  await buildSite();
}
await runNext(['start', '--port', env().PORT ?? '3000', ...keepAliveArgs]);
