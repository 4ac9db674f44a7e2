import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { closeDb, getDb, migrate, type Database } from '@/lib/db';
import { env } from '@/lib/env';

/**
 * Gives a test file an empty, migrated database of the driver CI chose (DATABASE_URL set: PostgreSQL, else
 * PGlite), so the same test file checks both drivers. Returns a getter for the open database.
 */
export function useFreshDatabase(name: string): () => Database {
  let db: Database | undefined;
  let created: { DATABASE_URL?: string; PGLITE_DIR?: string } = {};
  beforeAll(async () => {
    created = await freshDatabaseEnv(`test_${name}_${process.pid}`, env().DATABASE_URL);
    Object.assign(process.env, created);
    await migrate();
    db = await getDb();
  });
  afterAll(async () => {
    await closeDb();
    if (created.DATABASE_URL) await dropDatabase(created.DATABASE_URL);
    if (created.PGLITE_DIR) fs.rmSync(created.PGLITE_DIR, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error('The test database is opened in beforeAll: use it inside a test.');
    return db;
  };
}
