import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { isEmbedded, rowsOf } from '@/db/client';
import { rateLimitEvents } from '@/db/schema';
import type { Database } from '@/lib/db';

export type Limit = { bucket: string; max: number; windowMs: number };

/**
 * Counts events per key in a sliding window, in the database, so a limit holds across restarts and across
 * instances: `takeSlots` checks every limit a request counts against and records an event in each, atomically.
 */

/** A limit and the key it counts, e.g. the sign-in limit per email with the email. */
export type LimitedKey = readonly [Limit, string];

export type Taken<T = undefined> =
  { limited: false; taken: number[]; written: T } | { limited: true; retryAfterMs: number };

/**
 * Takes one slot of every limit a request counts against, atomically, and records an event in each only when all
 * have room. `write`, when given, runs in the same transaction once the slots are taken (a comment's insert): what
 * the slots pay for is stored with them, or neither is. The events' ids come back for `giveBack`, when the request
 * turns out not to count (a sign-in whose password was right).
 *
 * On PostgreSQL a transaction first locks each key (an advisory lock held until commit, in one order so two requests
 * cannot deadlock): requests sent together for one key are served one after another, so a burst cannot pass the
 * check before it is recorded. PGlite runs one statement at a time, so the lock is left out there, and without a
 * `write` so is the transaction. Either way the counting and the recording are one statement: a rush of comments
 * queues behind the database, and each statement it is spared is time for the next commenter.
 */
export async function takeSlots<T = undefined>(
  db: Database,
  keys: LimitedKey[],
  now = new Date(),
  write?: (tx: Database) => Promise<T>,
): Promise<Taken<T>> {
  const ordered = [...keys].sort(([a, x], [b, y]) => `${a.bucket} ${x}`.localeCompare(`${b.bucket} ${y}`));
  const locked = !isEmbedded(db) && ordered.length > 0;
  const take = async (tx: Database): Promise<Taken<T>> => {
    if (locked) {
      const locks = ordered.map(
        ([limit, key]) => sql`pg_advisory_xact_lock(hashtextextended(${`${limit.bucket} ${key}`}, 0))`,
      );
      await tx.execute(sql`select ${sql.join(locks, sql`, `)}`);
    }
    const slots = await countAndRecord(tx, ordered, now);
    if (slots.limited) return slots;
    const written = (write ? await write(tx) : undefined) as T;
    return { limited: false, taken: slots.taken, written };
  };
  if (!locked && !write) return take(db);
  return db.transaction((transaction) => take(transaction as unknown as Database));
}

/**
 * One statement: counts each key's window and, when none is full, records an event for each. When one is, nothing is
 * recorded, and the answer says when every full window has a slot again (its oldest event ages out of it).
 */
async function countAndRecord(
  db: Database,
  keys: LimitedKey[],
  now: Date,
): Promise<{ limited: false; taken: number[] } | { limited: true; retryAfterMs: number }> {
  if (keys.length === 0) return { limited: false, taken: [] };
  const wanted = keys.map(
    ([limit, key]) =>
      sql`(${limit.bucket}::text, ${key}::text, ${limit.max}::int, ${new Date(now.getTime() - limit.windowMs).toISOString()}::timestamptz, ${limit.windowMs}::int)`,
  );
  const result = await db.execute(sql`
    with wanted (bucket, key, max, since, window_ms) as (values ${sql.join(wanted, sql`, `)}),
    full_windows as (
      select w.window_ms, min(e.created_at) as oldest
      from wanted w join ${rateLimitEvents} e on e.bucket = w.bucket and e.key = w.key and e.created_at >= w.since
      group by w.bucket, w.key, w.max, w.window_ms
      having count(*) >= w.max
    ),
    recorded as (
      insert into ${rateLimitEvents} (bucket, key, created_at)
      select bucket, key, ${now.toISOString()}::timestamptz from wanted
      where not exists (select 1 from full_windows)
      returning id
    )
    select
      (select max(oldest + window_ms * interval '1 millisecond') from full_windows) as free_at,
      (select coalesce(array_agg(id), '{}') from recorded) as taken`);
  const [row] = rowsOf<{ free_at: string | Date | null; taken: number[] }>(result);
  if (row.free_at === null) return { limited: false, taken: row.taken.map(Number) };
  return { limited: true, retryAfterMs: Math.max(1000, new Date(row.free_at).getTime() - now.getTime()) };
}

/** Returns slots taken by `takeSlots` to their windows. */
export async function giveBack(db: Database, taken: number[]): Promise<void> {
  if (taken.length > 0) await db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, taken));
}

/** Drops events older than the longest window in use, so the table stays small. */
export async function pruneEvents(db: Database, olderThanMs: number, now = new Date()): Promise<void> {
  await db.delete(rateLimitEvents).where(lt(rateLimitEvents.createdAt, new Date(now.getTime() - olderThanMs)));
}

/** Forgets a key's events, when something proves the person behind it (a password reset clears sign-in failures). */
export async function clearEvents(db: Database, limit: Limit, key: string): Promise<void> {
  await db.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, limit.bucket), eq(rateLimitEvents.key, key)));
}

/** A key counting one thing from one client, e.g. an email's failures from one address. */
export const keyPerClient = (key: string, ipHash: string) => `${key} ${ipHash}`;

/** Forgets a key's events from every client (the keys `keyPerClient` made from it). */
export async function clearEventsFromAllClients(db: Database, limit: Limit, key: string): Promise<void> {
  await db
    .delete(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, limit.bucket), sql`starts_with(${rateLimitEvents.key}, ${`${key} `})`));
}
