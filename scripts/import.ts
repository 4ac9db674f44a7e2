/**
 * npm run import -- FILE [--dry-run] [--no-media]: imports a Blogger backup or a WordPress export (WXR) into the
 * site, or restores our own archive (FILE.tar.gz, from npm run export) into an empty one, as /dashboard/import does, printing its progress and the same summary. --dry-run reads the file and says
 * what would come across without writing; --no-media leaves featured images at their old addresses. Safe to run
 * again: what an earlier run brought across is not created twice.
 */
import fs from 'node:fs';
import { closeDb, getDb, migrate } from '@/lib/db';
import { RestoreNotUndoneError, restoreWasUndone } from '@/lib/export/archive-restore';
import { refreshAfterImport } from '@/lib/import/imports';
import { importExport } from '@/lib/import/run-import';
import { describeSummary } from '@/lib/import/summary';
import { ImportRefusedError } from '@/lib/import/xml-items';
import { enqueue, stopQueue } from '@/lib/jobs/queue';

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const files = args.filter((arg) => !arg.startsWith('--'));
if (files.length !== 1 || [...flags].some((flag) => flag !== '--dry-run' && flag !== '--no-media')) {
  console.error('Usage: npm run import -- FILE [--dry-run] [--no-media]');
  process.exit(2);
}
const [file] = files;
if (!fs.existsSync(file)) {
  console.error(`There is no file ${file}.`);
  process.exit(2);
}

const dryRun = flags.has('--dry-run');
await migrate();
try {
  let lastPhase = '';
  const summary = await importExport(await getDb(), file, {
    dryRun,
    media: !flags.has('--no-media'),
    progress: async ({ phase, done, total }) => {
      if (phase !== lastPhase) console.log(`${phase}…`);
      else if (total > 0 && (done === total || done % 500 === 0)) console.log(`  ${done} of ${total}`);
      lastPhase = phase;
    },
  });
  console.log(`${dryRun ? 'Dry run, nothing written. ' : ''}${describeSummary(summary)}`);
  for (const failure of summary.images.failures) console.log(`  image left at ${failure.url}: ${failure.reason}`);
  await refreshAfterImport(summary);
} catch (error) {
  if (error instanceof ImportRefusedError || error instanceof RestoreNotUndoneError) console.error(error.message);
  else if (restoreWasUndone(error))
    console.error(`Stopped: ${(error as Error).message}. What it had restored was taken out: run it again.`);
  else console.error(`Stopped: ${(error as Error).message}. What was imported is kept: run it again to finish.`);
  // A running server shows the site as it is again (readers may have seen part of a restore that was taken out).
  if (restoreWasUndone(error)) await enqueue('revalidate', { posts: [], site: true });
  process.exitCode = 1;
} finally {
  await stopQueue();
  await closeDb();
}
