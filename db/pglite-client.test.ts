import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPglite } from './pglite-client';

const events = pgTable('events', {
  id: integer('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});
const at = new Date('2026-12-05T10:00:00.123Z');

let dir: string;
let client: PGlite;
let db: ReturnType<typeof drizzle>;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-pglite-client-'));
  const connection = await createPglite(dir);
  client = connection.client;
  db = drizzle({ client: connection.forDrizzle });
  await client.exec('create table events (id integer primary key, at timestamptz not null)');
});
afterAll(async () => {
  await client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded connection', () => {
  it("reads drizzle's results as drizzle asks, and the job queue's as PGlite's own, in any order", async () => {
    const parsersBefore = client.parsers;
    const inserted = await db.insert(events).values({ id: 1, at }).returning();
    const [queue, raw, inTransaction] = await Promise.all([
      client.query<{ at: unknown; ids: unknown }>(`select $1::timestamptz as at, array[1, 2] as ids`, [at]),
      db.execute(sql`select ${at.toISOString()}::timestamptz as at, array[3, 4] as ids`),
      db.transaction(async (tx) => {
        // Statements of one transaction that overlap.
        const [first, second] = await Promise.all([
          tx.select().from(events).where(eq(events.id, 1)),
          tx.execute(sql`select array[${at.toISOString()}::timestamptz] as times`),
        ]);
        return { row: first[0], times: second.rows[0].times };
      }),
    ]);
    // drizzle maps its own columns from text, and leaves dates and times as text in raw statements.
    expect(inserted[0].at).toEqual(at);
    expect(inTransaction.row?.at).toEqual(at);
    expect(raw.rows[0]).toEqual({ at: '2026-12-05 10:00:00.123+00', ids: [3, 4] });
    expect(inTransaction.times).toBe('{"2026-12-05 10:00:00.123+00"}');
    // The job queue (pg-boss) gets PGlite's own parsers: dates as Date.
    expect(queue.rows[0]).toEqual({ at, ids: [1, 2] });
    expect(client.parsers).toBe(parsersBefore);
    const after = await client.query<{ at: unknown }>(`select at from events`);
    expect(after.rows[0].at).toEqual(at);
  });
});
