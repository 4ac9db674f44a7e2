import fs from 'node:fs';
import path from 'node:path';
import { runNext } from './next';
import { prepareDatabase } from './prepare-db';

/**
 * `next build` with the database as it is now. Next keeps its data cache (our tagged database reads) between
 * builds; a build must not render pages from an earlier build's reads, so that cache is dropped first.
 */
export async function buildSite(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  fs.rmSync(path.join(distDir, 'cache', 'fetch-cache'), { recursive: true, force: true });
  await runNext(['build']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareDatabase();
  await buildSite();
}
