/**
 * A restore whose process is killed part way, for the test of restoring after it (lib/export/archive.test.ts):
 *   node --conditions=react-server --import tsx lib/testing/restore-process.ts FILE
 * restores the archive FILE into the environment's database and, once its comments part is written (the settings,
 * people, labels, posts and pages are before it; ads, followers and uploads after), prints "comments written" and
 * waits there, so that the test's SIGKILL lands at the same point every time.
 */
import { getDb } from '@/lib/db';
import { restoreArchive } from '@/lib/export/archive-restore';

await restoreArchive(await getDb(), process.argv[2], {
  progress: async ({ phase }) => {
    if (phase !== 'comments') return;
    console.log('comments written');
    // A timer keeps the process alive (PGlite holds no socket that would).
    await new Promise(() => setInterval(() => {}, 60_000));
  },
});
