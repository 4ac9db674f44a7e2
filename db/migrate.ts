import path from 'node:path';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import type { Database } from './client';

const migrationsFolder = path.join(process.cwd(), 'drizzle');
// Any constant works: it only has to be the same for every instance that migrates.
const MIGRATION_LOCK_KEY = 7_311_004;

/**
 * Applies the SQL files in drizzle/ that the database has not seen yet, on either driver: on PostgreSQL (`url`)
 * through a connection of its own, on PGlite through the process's one connection, `db`.
 */
export async function migrateDatabase(db: Database, url: string | undefined): Promise<void> {
  const DATABASE_URL = url;
  if (!DATABASE_URL) {
    await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // One connection, so the advisory lock (held per session) serialises instances starting together.
  const client = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
