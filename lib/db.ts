import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Connection, type Database } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { env } from '@/lib/env';

export type { Database } from '@/db/client';

// On globalThis so that dev-mode module reloads reuse the one connection (and the one PGlite lock).
const holder = globalThis as unknown as { broadsheetDb?: Promise<Connection> };

function connection(): Promise<Connection> {
  const { DATABASE_URL, PGLITE_DIR, NEXT_PHASE } = env();
  holder.broadsheetDb ??= openDatabase({
    url: DATABASE_URL,
    pgliteDir: PGLITE_DIR,
    building: NEXT_PHASE === 'phase-production-build',
  }).catch((error: unknown) => {
    holder.broadsheetDb = undefined;
    throw error;
  });
  return holder.broadsheetDb;
}

/** The process's database, as the environment names it, opened on first use. */
export async function getDb(): Promise<Database> {
  return (await connection()).db;
}

/** The embedded database's client when PGlite is the driver (the job queue shares its one connection), else undefined. */
export async function getPglite(): Promise<PGlite | undefined> {
  return (await connection()).pglite;
}

/** Closes the process's database (scripts and tests); the next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const open = holder.broadsheetDb;
  holder.broadsheetDb = undefined;
  if (open) await (await open).close();
}

/** Brings the process's database up to the newest migration. */
export async function migrate(): Promise<void> {
  await migrateDatabase(await getDb(), env().DATABASE_URL);
}
