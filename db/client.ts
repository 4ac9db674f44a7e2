import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { acquireLock, acquireLockWaiting } from './pglite-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Connection = { db: Database; close: () => Promise<void> };

/**
 * Opens the database the environment names: PostgreSQL when DATABASE_URL is set, else PGlite on disk.
 * `next build` renders pages in several worker processes at once; each of them gets a private in-memory
 * copy of the PGlite folder, taken in turn under the lock, so builds never share the on-disk files.
 */
export async function openDatabase(): Promise<Connection> {
  const { DATABASE_URL, PGLITE_DIR, NEXT_PHASE } = env();
  if (DATABASE_URL) return openPostgres(DATABASE_URL);
  if (NEXT_PHASE === 'phase-production-build') return openPgliteSnapshot(PGLITE_DIR);
  return openPglite(PGLITE_DIR);
}

/**
 * PGlite runs Postgres inside the process, so its shared buffers are the server's own memory. initdb's default of
 * 128 MB of buffers (touched as soon as Postgres starts) made up most of the WASM heap and a quarter of the
 * server's RSS; 32 MB holds the pages the reader and comment queries touch, and the table files stay in the
 * operating system's page cache behind them. PostgreSQL servers (DATABASE_URL) keep their own configuration.
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

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
    const client = await PGlite.create(dataDir, { startParams: pgliteStartParams });
    return {
      db: drizzlePglite({ client, schema }) as unknown as Database,
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

async function openPgliteSnapshot(dataDir: string): Promise<Connection> {
  const release = await acquireLockWaiting(dataDir, 'snapshot');
  let snapshot: Blob;
  try {
    const disk = await PGlite.create(dataDir, { startParams: pgliteStartParams });
    snapshot = await disk.dumpDataDir('none');
    await disk.close();
  } finally {
    release();
  }
  const client = await PGlite.create({ loadDataDir: snapshot, startParams: pgliteStartParams });
  return {
    db: drizzlePglite({ client, schema }) as unknown as Database,
    close: () => client.close(),
  };
}
