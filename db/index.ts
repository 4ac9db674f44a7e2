import { openDatabase, type Connection, type Database } from './client';

export type { Database } from './client';

// On globalThis so that dev-mode module reloads reuse the one connection (and the one PGlite lock).
const holder = globalThis as unknown as { broadsheetDb?: Promise<Connection> };

function connection(): Promise<Connection> {
  holder.broadsheetDb ??= openDatabase().catch((error: unknown) => {
    holder.broadsheetDb = undefined;
    throw error;
  });
  return holder.broadsheetDb;
}

/** The process's database, opened on first use. */
export async function getDb(): Promise<Database> {
  return (await connection()).db;
}

/** Closes the process's database (scripts and tests); the next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const open = holder.broadsheetDb;
  holder.broadsheetDb = undefined;
  if (open) await (await open).close();
}
