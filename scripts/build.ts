import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, migrate } from '@/lib/db';
import { env } from '@/lib/env';
import { currentBuildFingerprint, isSiteBuilt, recordBuild } from './build-fingerprint';
import { markChunksCalledOnLoad } from './compile-hints';
import { runNext } from './next';
import { addScriptPoliciesToPrerenderedPages } from './prerendered-script-policies';
import { prepareDatabase } from './prepare-db';

/**
 * `next build` with the database as it is now. Next keeps its data cache (our tagged database reads) between
 * builds; a build must not render pages from an earlier build's reads, so that cache is dropped first. Then the
 * scripts reader pages run on load get V8's compile hint (scripts/compile-hints.ts), and the prerendered pages their
 * script policy (scripts/prerendered-script-policies.ts).
 */
export async function buildSite(): Promise<void> {
  const distDir = env().NEXT_DIST_DIR;
  // Taken before building: a file changed while the build ran makes the next start build again.
  const fingerprint = currentBuildFingerprint();
  fs.rmSync(path.join(distDir, 'cache', 'fetch-cache'), { recursive: true, force: true });
  await runNext(['build']);
  console.log(`compile hints: ${markChunksCalledOnLoad(distDir).length} scripts marked as called on load`);
  console.log(`script policies: ${addScriptPoliciesToPrerenderedPages(distDir)} prerendered pages`);
  recordBuild(distDir, fingerprint);
}

/** Builds only when the code, the lockfile or the build-time environment changed since the last build. */
export async function buildSiteIfChanged(): Promise<void> {
  if (!isSiteBuilt()) await buildSite();
}

/** For the e2e suite and the benchmark: an empty database gets the demo newsroom, then the site is built. */
export async function buildDemoSite(): Promise<void> {
  await seedDemoDatabase();
  await buildSite();
}

/**
 * The environment's empty database gets the demo newsroom, and on PGlite, which has no autovacuum, the planner's
 * statistics (as `npm start` leaves it, scripts/prepare-db.ts); then it is released for a server to open.
 */
export async function seedDemoDatabase(): Promise<void> {
  const { seedDemoAccounts, seedDemoContent } = await import('@/lib/seed/demo');
  await migrate();
  const db = await getDb();
  await seedDemoContent(db);
  await seedDemoAccounts(db);
  if (!env().DATABASE_URL) await db.execute(sql`vacuum analyze`);
  await closeDb();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareDatabase();
  await buildSite();
}
