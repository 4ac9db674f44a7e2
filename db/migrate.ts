import path from 'node:path';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { getDb } from './index';

const migrationsFolder = path.join(process.cwd(), 'drizzle');
// Any constant works: it only has to be the same for every instance that migrates.
const MIGRATION_LOCK_KEY = 7_311_004;

/** Applies the SQL files in drizzle/ that the database has not seen yet, on either driver. */
export async function migrateDatabase(): Promise<void> {
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) {
    await migratePglite((await getDb()) as unknown as PgliteDatabase, { migrationsFolder });
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
