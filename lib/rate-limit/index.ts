import 'server-only';
import { and, count, eq, gte, inArray, lt, min, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { rateLimitEvents } from '@/db/schema';

export type Limit = { bucket: string; max: number; windowMs: number };
export type LimitState = { limited: false } | { limited: true; retryAfterMs: number };

/**
 * Counts events per key in a sliding window, in the database, so a limit holds across restarts and across
 * instances. `check` says whether the key is over its limit; `record` adds an event.
 */
export async function checkLimit(db: Database, limit: Limit, key: string, now = new Date()): Promise<LimitState> {
  const since = new Date(now.getTime() - limit.windowMs);
  const [row] = await db
    .select({ events: count(), oldest: min(rateLimitEvents.createdAt) })
    .from(rateLimitEvents)
    .where(
      and(
        eq(rateLimitEvents.bucket, limit.bucket),
        eq(rateLimitEvents.key, key),
        gte(rateLimitEvents.createdAt, since),
      ),
    );
  if (Number(row.events) < limit.max || !row.oldest) return { limited: false };
  // Free again when the oldest event in the window ages out of it.
  const oldest = new Date(row.oldest);
  return { limited: true, retryAfterMs: Math.max(1000, oldest.getTime() + limit.windowMs - now.getTime()) };
}

export async function recordEvent(db: Database, limit: Limit, key: string, now = new Date()): Promise<void> {
  await db.insert(rateLimitEvents).values({ bucket: limit.bucket, key, createdAt: now });
}

/** A limit and the key it counts, e.g. the sign-in limit per email with the email. */
export type LimitedKey = readonly [Limit, string];

/** Several limits one request counts against: the first of them reached, in the order given, or not limited. */
export async function checkLimits(db: Database, keys: LimitedKey[], now = new Date()): Promise<LimitState> {
  const states = await Promise.all(keys.map(([limit, key]) => checkLimit(db, limit, key, now)));
  return states.find((state) => state.limited) ?? { limited: false };
}

export async function recordEvents(db: Database, keys: LimitedKey[], now = new Date()): Promise<void> {
  await Promise.all(keys.map(([limit, key]) => recordEvent(db, limit, key, now)));
}

export type Taken = { limited: false; taken: number[] } | { limited: true; retryAfterMs: number };

/**
 * Takes one slot of every limit a request counts against, atomically: a transaction locks each key (an advisory
 * lock held until commit, in one order so two requests cannot deadlock), counts its window and, when all have
 * room, records the events before letting go. Requests sent together for one key are served one after another, so
 * a burst cannot pass the check before it is recorded. The events' ids come back for `giveBack`, when the request
 * turns out not to count (a sign-in whose password was right).
 */
export async function takeSlots(db: Database, keys: LimitedKey[], now = new Date()): Promise<Taken> {
  const ordered = [...keys].sort(([a, x], [b, y]) => `${a.bucket} ${x}`.localeCompare(`${b.bucket} ${y}`));
  return db.transaction(async (tx) => {
    for (const [limit, key] of ordered) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${limit.bucket} ${key}`}, 0))`);
    }
    const state = await checkLimits(tx as unknown as Database, ordered, now);
    if (state.limited) return state;
    const rows = await tx
      .insert(rateLimitEvents)
      .values(ordered.map(([limit, key]) => ({ bucket: limit.bucket, key, createdAt: now })))
      .returning({ id: rateLimitEvents.id });
    return { limited: false, taken: rows.map((row) => row.id) };
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
