import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { catchMail } from '@/lib/mail/testing';
import { E2E_MAIL_DIR } from '../e2e/mail';
import { freshDatabaseEnv } from '@/db/fresh-database';
import { env, scriptEnv } from '@/lib/env';
import { buildDemoSite } from './build';
import { keepAliveArgs, runNext } from './next';

/**
 * The server the e2e suite runs against: a fresh database of CI's driver with the demo content, a production
 * build in its own folder, and `next start` on the test port. Playwright starts it and stops it.
 */
const { E2E_PORT: port, E2E_REFRESH_PORT } = scriptEnv();
// The site's mail goes to a real SMTP server on loopback, which files each mail for the specs to read.
fs.rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
fs.mkdirSync(E2E_MAIL_DIR, { recursive: true });
const mailCatcher = await catchMail({ dir: E2E_MAIL_DIR });
const testEnv = {
  SMTP_URL: mailCatcher.url,
  MAIL_FROM: 'newsroom@broadsheet.test',
  ...(await freshDatabaseEnv('e2e', env().DATABASE_URL)),
  NEXT_DIST_DIR: '.next-e2e',
  SITE_URL: `http://127.0.0.1:${port}`,
  CACHE_REFRESH_URL: `http://127.0.0.1:${E2E_REFRESH_PORT}`,
  // Several build workers, as on a bigger machine: each reads its own snapshot of the embedded database.
  BUILD_WORKERS: '3',
  // Scheduled posts go live within a second or two in the e2e run.
  SCHEDULER_INTERVAL_MS: '1000',
  // Comments are taken as soon as they are typed: the flows need not wait out the spam guard's minimum time (a unit
  // test of lib/comments/submit checks that a comment sent too soon is refused).
  COMMENT_MIN_SECONDS: '0',
  UPLOADS_DIR: '.data/e2e-uploads',
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  // The specs stand in for nginx: they send X-Forwarded-For to give each visitor an address of their own.
  TRUST_PROXY: '1',
};
Object.assign(process.env, testEnv);

await buildDemoSite();
// Idle connections stay open as under `npm start`: with Node's 5 s a request could reuse a connection the server was
// closing at that moment, and fail with ECONNRESET.
await runNext(['start', '--hostname', '127.0.0.1', '--port', port, ...keepAliveArgs]);
