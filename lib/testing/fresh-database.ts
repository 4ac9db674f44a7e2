import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '@/db/client';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { migrateDatabase } from '@/db/migrate';
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
    if (created.PGLITE_DIR) fs.cpSync(await migratedPgliteFolder(), created.PGLITE_DIR, { recursive: true });
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

const templates = '.data';
// `test-template-` and 16 hex digits of the migrations' hash.
const isTemplate = (name: string) => /^test-template-[0-9a-f]{16}$/.test(name);

/**
 * An empty PGlite folder with every migration applied, made once per set of migrations and copied for each test
 * file: creating and migrating a folder took 5–25 s of a test file's time on CI's two cores, copying one 50 ms.
 * Made under a name of its own and renamed when complete, so a test worker copies a finished folder or none.
 */
async function migratedPgliteFolder(): Promise<string> {
  const template = path.join(templates, `test-template-${migrationsHash()}`);
  if (fs.existsSync(template)) return template;
  const making = `${template}.${process.pid}`;
  fs.rmSync(making, { recursive: true, force: true });
  const connection = await openDatabase({ pgliteDir: making, building: false });
  try {
    await migrateDatabase(connection.db, undefined);
  } finally {
    await connection.close();
  }
  try {
    fs.renameSync(making, template);
  } catch {
    // Another test worker finished the same folder first.
    fs.rmSync(making, { recursive: true, force: true });
  }
  removeOtherTemplates(path.basename(template));
  return template;
}

/** A hash of the migration files (drizzle/): a changed or added migration makes a new template. */
function migrationsHash(): string {
  const hash = createHash('sha256');
  const folder = path.join(process.cwd(), 'drizzle');
  const files = fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const full = path.join(folder, file);
    if (fs.statSync(full).isFile()) hash.update(`${file}\n`).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Templates of earlier migrations, which nothing will copy again. */
function removeOtherTemplates(current: string): void {
  for (const name of fs.readdirSync(templates)) {
    if (isTemplate(name) && name !== current) fs.rmSync(path.join(templates, name), { recursive: true, force: true });
  }
}
