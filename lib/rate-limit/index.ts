import 'server-only';
import { and, count, eq, gte, inArray, lt, min, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { rateLimitEvents } from '@/db/schema';

export type Limit = { bucket: string; max: number; windowMs: number };
export type LimitState = { limited: false } | { limited: true; retryAfterMs: number };

/**
 * Counts events per key in a sliding window, in the database, so a limit holds across restarts and across
 * instances: `takeSlots` checks every limit a request counts against and records an event in each, atomically.
 */

/** A limit and the key it counts, e.g. the sign-in limit per email with the email. */
export type LimitedKey = readonly [Limit, string];

/**
 * Several limits one request counts against: the first of them reached, in the order given, or not limited. One
 * statement counts every key's window.
 */
async function checkLimits(db: Database, keys: LimitedKey[], now = new Date()): Promise<LimitState> {
  if (keys.length === 0) return { limited: false };
  const windows = keys.map(([limit, key]) =>
    and(
      eq(rateLimitEvents.bucket, limit.bucket),
      eq(rateLimitEvents.key, key),
      gte(rateLimitEvents.createdAt, new Date(now.getTime() - limit.windowMs)),
    ),
  );
  const rows = await db
    .select({
      bucket: rateLimitEvents.bucket,
      key: rateLimitEvents.key,
      events: count(),
      oldest: min(rateLimitEvents.createdAt),
    })
    .from(rateLimitEvents)
    .where(or(...windows))
    .groupBy(rateLimitEvents.bucket, rateLimitEvents.key);
  for (const [limit, key] of keys) {
    const row = rows.find((r) => r.bucket === limit.bucket && r.key === key);
    if (!row || Number(row.events) < limit.max || !row.oldest) continue;
    // Free again when the oldest event in the window ages out of it.
    const oldest = new Date(row.oldest);
    return { limited: true, retryAfterMs: Math.max(1000, oldest.getTime() + limit.windowMs - now.getTime()) };
  }
  return { limited: false };
}

export type Taken<T = undefined> =
  { limited: false; taken: number[]; written: T } | { limited: true; retryAfterMs: number };

/**
 * Takes one slot of every limit a request counts against, atomically: a transaction locks each key (an advisory
 * lock held until commit, in one order so two requests cannot deadlock), counts its window and, when all have
 * room, records the events before letting go. Requests sent together for one key are served one after another, so
 * a burst cannot pass the check before it is recorded. The events' ids come back for `giveBack`, when the request
 * turns out not to count (a sign-in whose password was right). `write`, when given, runs in the same transaction
 * once the slots are taken (a comment's insert): what the slots pay for is stored with them, or neither is.
 */
export async function takeSlots<T = undefined>(
  db: Database,
  keys: LimitedKey[],
  now = new Date(),
  write?: (tx: Database) => Promise<T>,
): Promise<Taken<T>> {
  const ordered = [...keys].sort(([a, x], [b, y]) => `${a.bucket} ${x}`.localeCompare(`${b.bucket} ${y}`));
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Database;
    if (ordered.length > 0) {
      const locks = ordered.map(
        ([limit, key]) => sql`pg_advisory_xact_lock(hashtextextended(${`${limit.bucket} ${key}`}, 0))`,
      );
      await tx.execute(sql`select ${sql.join(locks, sql`, `)}`);
    }
    const state = await checkLimits(tx, ordered, now);
    if (state.limited) return state;
    const rows =
      ordered.length === 0
        ? []
        : await tx
            .insert(rateLimitEvents)
            .values(ordered.map(([limit, key]) => ({ bucket: limit.bucket, key, createdAt: now })))
            .returning({ id: rateLimitEvents.id });
    const written = (write ? await write(tx) : undefined) as T;
    return { limited: false, taken: rows.map((row) => row.id), written };
  });
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
