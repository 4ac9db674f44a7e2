import { sql } from 'drizzle-orm';
import { closeDb, getDb, migrate } from '@/lib/db';
import { isEmpty, seedDemoAccounts, seedDemoContent } from '@/lib/seed/demo';
import { env } from '@/lib/env';
import { forgetBuild } from './build-fingerprint';

/** Migrates, and on the embedded database's first run writes the demo content and accounts. */
export async function prepareDatabase(): Promise<void> {
  await migrate();
  const { DATABASE_URL, PGLITE_DIR } = env();
  const db = await getDb();
  if (!DATABASE_URL && (await isEmpty(db))) {
    await seedDemoContent(db);
    await seedDemoAccounts(db);
    console.log(`Seeded the demo newsroom into ${PGLITE_DIR}.`);
    forgetBuild(env().NEXT_DIST_DIR);
  }
  // PGlite has no autovacuum. Vacuuming at each start keeps what a PostgreSQL server's autovacuum keeps: planner
  // statistics, and the visibility map that lets a deep listing page skip its offset inside the index.
  if (!DATABASE_URL) await db.execute(sql`vacuum analyze`);
  // Release the embedded database: the build's workers and then the server open it next.
  await closeDb();
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
