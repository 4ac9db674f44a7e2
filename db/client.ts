import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createPglite } from './pglite-client';
import { acquireLock, acquireLockWaiting, isAlive } from './pglite-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The rows of `db.execute(…)`: postgres-js answers the rows themselves, PGlite an object holding them. */
export const rowsOf = <T>(result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/**
 * Whether `db` is the embedded database. PGlite has one connection and runs one statement, or one transaction, at a
 * time, so what needs a lock against another connection on PostgreSQL needs none there.
 */
export const isEmbedded = (db: Database) => db instanceof PgliteDatabase;
/** `pglite`: the embedded client itself, for the job queue, which runs its own SQL through the one connection. */
export type Connection = { db: Database; pglite?: PGlite; close: () => Promise<void> };
/** Where the database is (lib/db reads it from the environment): a server URL, else a PGlite folder. */
export type DatabaseConfig = { url?: string; pgliteDir: string; building: boolean };

/**
 * Opens the database the environment names: PostgreSQL when DATABASE_URL is set, else PGlite on disk.
 * `next build` renders pages in several worker processes at once; each of them gets a private copy of the PGlite
 * folder, taken in turn under the lock, so builds never share the on-disk files.
 */
export async function openDatabase({ url, pgliteDir, building }: DatabaseConfig): Promise<Connection> {
  if (url) return openPostgres(url);
  if (building) return openPgliteCopy(pgliteDir);
  return openPglite(pgliteDir);
}

function openPostgres(url: string): Connection {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema }) as unknown as Database,
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Connection> {
  const release = acquireLock(dataDir, 'writer');
  process.once('exit', release);
  try {
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    const { client, forDrizzle } = await createPglite(dataDir);
    return {
      db: drizzlePglite({ client: forDrizzle, schema }) as unknown as Database,
      pglite: client,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * A build worker's own copy of the PGlite folder, taken under the lock (no writer can hold the folder meanwhile) and
 * opened like any folder. Copying the files costs a fraction of what PGlite's dump and load into memory did (at
 * 10,000 posts, 95 MB: 1.2 s against 2.2 s per worker, bench/FINDINGS.md) and keeps the data out of the heap. The
 * copy is removed when the worker exits; one left behind by a worker that was killed goes at the next build.
 */
async function openPgliteCopy(dataDir: string): Promise<Connection> {
  // Beside the folder, as its lock file is: <folder>.build-copies/<pid>.
  const copies = `${path.resolve(dataDir)}.build-copies`;
  removeCopiesOfEndedProcesses(copies);
  const copy = path.join(copies, String(process.pid));
  const release = await acquireLockWaiting(dataDir, 'snapshot');
  try {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(dataDir, copy, { recursive: true });
  } finally {
    release();
  }
  const removeCopy = () => {
    fs.rmSync(copy, { recursive: true, force: true });
    removeIfEmpty(copies);
  };
  process.once('exit', removeCopy);
  // Next ends its build workers with SIGINT (SIGTERM when they linger), which skips 'exit' handlers.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeCopy();
      process.exit(128 + os.constants.signals[signal]);
    });
  }
  const { client, forDrizzle } = await createPglite(copy);
  return {
    db: drizzlePglite({ client: forDrizzle, schema }) as unknown as Database,
    close: async () => {
      await client.close();
      removeCopy();
    },
  };
}

function removeCopiesOfEndedProcesses(copies: string) {
  for (const name of fs.existsSync(copies) ? fs.readdirSync(copies) : []) {
    if (Number(name) !== process.pid && !isAlive(Number(name)))
      fs.rmSync(path.join(copies, name), { recursive: true, force: true });
  }
}

/** The last worker out removes the folder of copies; while others still hold theirs, it stays. */
function removeIfEmpty(folder: string) {
  try {
    fs.rmdirSync(folder);
  } catch (error) {
    if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
}
