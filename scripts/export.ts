/**
 * npm run export -- FILE: with FILE.tar.gz, the whole site as our own archive (lib/export/archive.ts), which
 * `npm run import -- FILE.tar.gz` restores into an empty site; with FILE.xml, the site's posts, pages, labels and
 * comments as a WordPress export (WXR 1.2), which WordPress's importer and ours both read. Both are written a batch
 * at a time.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { closeDb, getDb, migrate } from '@/lib/db';
import { env } from '@/lib/env';
import { ARCHIVE_EXTENSION, archiveStream } from '@/lib/export/archive';
import { wxrStream } from '@/lib/export/wxr';
import { storage } from '@/lib/storage';

const [file, ...rest] = process.argv.slice(2);
const archive = file?.endsWith(ARCHIVE_EXTENSION);
if (!file || rest.length > 0 || (!archive && !file.endsWith('.xml'))) {
  console.error(`Usage: npm run export -- FILE${ARCHIVE_EXTENSION} (the whole site) or FILE.xml (WXR)`);
  process.exit(2);
}
await migrate();
try {
  const db = await getDb();
  const missing: string[] = [];
  const source = archive ? archiveStream(db, await storage(), env().SITE_URL, missing) : wxrStream(db, env().SITE_URL);
  await pipeline(source, fs.createWriteStream(file));
  if (archive) {
    console.log(`Wrote ${file}: the whole site with its media files (restore it with npm run import -- ${file}).`);
    for (const key of missing) console.log(`  not in storage, left out: ${key}`);
  } else console.log(`Wrote ${file}: posts, pages, labels and comments as a WordPress export (WXR 1.2).`);
} catch (error) {
  console.error(`Stopped: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
