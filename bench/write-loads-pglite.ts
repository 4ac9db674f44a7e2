import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { freshDatabaseEnv } from '@/db/fresh-database';
import { closeDb, getDb, migrate } from '@/lib/db';
import { seedDemoAccounts, seedDemoContent } from '@/lib/seed/demo';
import { keepAliveArgs, nextStartCommand } from '../scripts/next';
import { stopProcess, waitUntilAnswers } from './load';
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
    await migrate();
    const db = await getDb();
    await seedDemoContent(db);
    await seedDemoAccounts(db);
    // As `npm start` leaves it (scripts/prepare-db.ts): PGlite has no autovacuum to give the planner statistics.
    await db.execute(sql`vacuum analyze`);
    await closeDb();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(
      process.execPath,
      nextStartCommand(['--hostname', '127.0.0.1', '--port', String(port), ...keepAliveArgs], undefined),
      { stdio: 'ignore', env: process.env },
    );
    try {
      await waitUntilAnswers(`${base}/robots.txt`, { child: server, what: 'next start on PGlite' });
      const answered = await measureWriteLoads({ base, articlePath, pid: server.pid! }, 'PGlite');
      await stopProcess(server);
      await recordStored(answered);
    } finally {
      await stopProcess(server);
    }
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(PGLITE_DIR!, { recursive: true, force: true });
  }
}
