import { sql } from 'drizzle-orm';
import { closeDb, getDb, migrate } from '@/lib/db';
import { isEmpty } from '@/lib/seed/is-empty';
import { env } from '@/lib/env';
import { forgetBuild } from './build-fingerprint';

/** Migrates, and on the embedded database's first run writes the demo content and accounts. */
export async function prepareDatabase(): Promise<void> {
  await migrate();
  const { DATABASE_URL, PGLITE_DIR } = env();
  const db = await getDb();
  if (!DATABASE_URL && (await isEmpty(db))) {
    // Loaded only on a first run: a restart then starts without the sanitizer and the account code.
    const { seedDemoAccounts, seedDemoContent } = await import('@/lib/seed/demo');
    await seedDemoContent(db);
    await seedDemoAccounts(db);
    console.log(`Seeded the demo newsroom into ${PGLITE_DIR}.`);
    forgetBuild(env().NEXT_DIST_DIR);
  }
  // Before a build, the embedded database is vacuumed (it has no autovacuum; the server's 'vacuum' job does it
  // later): the build's pages are planned on up-to-date statistics.
  if (!DATABASE_URL) await db.execute(sql`vacuum analyze`);
  // Release the embedded database: the build's workers and then the server open it next.
  await closeDb();
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();
