import fs from 'node:fs';
import postgres from 'postgres';

/**
 * Makes an empty database for a test run or a benchmark and returns how to reach it: a new database on the
 * DATABASE_URL server when one is set, else a new PGlite folder. Either way, nothing of the developer's is touched.
 */
export async function freshDatabaseEnv(
  name: string,
  serverUrl: string | undefined,
): Promise<{ DATABASE_URL?: string; PGLITE_DIR?: string }> {
  if (!serverUrl) {
    const dir = `.data/${name}`;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
    return { PGLITE_DIR: dir };
  }
  const databaseName = `${new URL(serverUrl).pathname.slice(1) || 'broadsheet'}_${name}`.replace(/[^a-zA-Z0-9_]/g, '_');
  await withServer(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists "${databaseName}" with (force)`);
    await sql.unsafe(`create database "${databaseName}"`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return { DATABASE_URL: url.toString() };
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const databaseName = new URL(databaseUrl).pathname.slice(1);
  await withServer(databaseUrl, (sql) => sql.unsafe(`drop database if exists "${databaseName}" with (force)`));
}

async function withServer<T>(databaseUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  // Databases are created and dropped from the server's maintenance database.
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
