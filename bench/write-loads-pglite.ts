import fs from 'node:fs';
import { freshDatabaseEnv } from '@/db/fresh-database';
import { seedDemoDatabase } from '../scripts/build';
import { startInstance } from '../scripts/instances';
import { measureWriteLoads, recordStored } from './write-loads';

/**
 * The write loads of a run on PostgreSQL, again on PGlite, printed beside them: a second `next start` of the same
 * build, on the port the first one left (the build's SITE_URL), over a new PGlite folder seeded with the same demo
 * newsroom (so the article and its ad have the ids the build's pages name). The environment is given back after.
 */
export async function measureWriteLoadsOnPglite({ port, articlePath }: { port: number; articlePath: string }) {
  const { PGLITE_DIR } = await freshDatabaseEnv('bench_write_pglite', undefined);
  const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = PGLITE_DIR;
  try {
    await seedDemoDatabase();
    const server = await startInstance(port, {}, 'ignore');
    try {
      const answered = await measureWriteLoads({ base: server.url, articlePath, pid: server.child.pid! }, 'PGlite');
      await server.stop();
      await recordStored(answered);
    } finally {
      await server.stop();
    }
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(PGLITE_DIR!, { recursive: true, force: true });
  }
}
