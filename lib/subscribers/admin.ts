import 'server-only';
import { and, asc, count, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { subscribers, subscriberStatus } from '@/db/schema';
import type { Database } from '@/lib/db';
import { parseCsv, toCsv } from './csv';

export type SubscriberStatus = (typeof subscriberStatus.enumValues)[number];
export type SubscriberCounts = Record<SubscriberStatus, number>;

/** How many addresses are in each state, for the dashboard. */
export async function subscriberCounts(db: Database): Promise<SubscriberCounts> {
  const rows = await db
    .select({ status: subscribers.status, n: count() })
    .from(subscribers)
    .groupBy(subscribers.status);
  const counts = Object.fromEntries(subscriberStatus.enumValues.map((status) => [status, 0])) as SubscriberCounts;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

export type SubscriberRow = Pick<
  typeof subscribers.$inferSelect,
  'id' | 'email' | 'status' | 'source' | 'createdAt' | 'confirmedAt' | 'permanentFailures'
>;

const columns = {
  id: subscribers.id,
  email: subscribers.email,
  status: subscribers.status,
  source: subscribers.source,
  createdAt: subscribers.createdAt,
  confirmedAt: subscribers.confirmedAt,
  permanentFailures: subscribers.permanentFailures,
};

/** Addresses containing `search` (any case), in a state or all, alphabetically, at most `limit`. */
export async function searchSubscribers(
  db: Database,
  { search = '', status, limit = 100 }: { search?: string; status?: SubscriberStatus; limit?: number },
): Promise<SubscriberRow[]> {
  const filters: SQL[] = [];
  if (search) filters.push(ilike(subscribers.email, `%${search.replace(/[\\%_]/g, '\\$&')}%`));
  if (status) filters.push(eq(subscribers.status, status));
  return db
    .select(columns)
    .from(subscribers)
    .where(and(...filters))
    .orderBy(asc(subscribers.email))
    .limit(limit);
}

/** Removes addresses for good (with what they followed and their sends). */
export async function removeSubscribers(db: Database, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.delete(subscribers).where(inArray(subscribers.id, ids));
}

/** Every address as CSV: the columns an import reads, and the rest for the record. */
export async function exportCsv(db: Database): Promise<string> {
  const rows = await db.select(columns).from(subscribers).orderBy(asc(subscribers.email));
  return toCsv([
    ['email', 'status', 'source', 'created_at', 'confirmed_at'],
    ...rows.map((row) => [
      row.email,
      row.status,
      row.source,
      row.createdAt.toISOString(),
      row.confirmedAt?.toISOString() ?? '',
    ]),
  ]);
}

export type ImportReport =
  | { ok: false; message: string }
  | { ok: true; imported: number; refused: { line: number; email: string; reason: string }[] };

const consentYes = /^(yes|y|true|1|x)$/i;
const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

/**
 * Imports addresses from CSV with a header row naming an `email` column and a `consent` column (yes/true/1: the
 * address agreed to receive this site's mail). Rows without consent, with a malformed address or already on the
 * list are refused, each with its line and reason; the others are added as confirmed, in one transaction. A file
 * that is not CSV, or lacks a column, imports nothing.
 */
export async function importCsv(db: Database, text: string, now = new Date()): Promise<ImportReport> {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!rows)
    return { ok: false, message: 'The file is not valid CSV: a quoted field is never closed. Nothing was imported.' };
  const [header = [], ...body] = rows;
  const names = header.map((name) => name.trim().toLowerCase());
  const emailAt = names.indexOf('email');
  const consentAt = names.indexOf('consent');
  if (emailAt < 0 || consentAt < 0)
    return {
      ok: false,
      message: 'The first row must name an “email” column and a “consent” column. Nothing was imported.',
    };
  const refused: { line: number; email: string; reason: string }[] = [];
  const wanted = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const raw = (cells[emailAt] ?? '').trim();
    const parsed = email.safeParse(raw);
    if (!parsed.success) return refused.push({ line, email: raw.slice(0, 254), reason: 'not a valid email address' });
    if (!consentYes.test((cells[consentAt] ?? '').trim()))
      return refused.push({
        line,
        email: parsed.data,
        reason: 'no consent to receive mail (the consent column must say yes)',
      });
    if (wanted.has(parsed.data))
      return refused.push({ line, email: parsed.data, reason: `the same address as line ${wanted.get(parsed.data)}` });
    wanted.set(parsed.data, line);
  });
  const imported = await db.transaction(async (tx) => {
    const addresses = [...wanted.keys()];
    if (addresses.length === 0) return 0;
    const known = await tx
      .select({ email: subscribers.email })
      .from(subscribers)
      .where(inArray(subscribers.email, addresses));
    for (const { email: address } of known)
      refused.push({ line: wanted.get(address)!, email: address, reason: 'already on the list (left as it is)' });
    const fresh = addresses.filter((address) => !known.some((row) => row.email === address));
    if (fresh.length === 0) return 0;
    const added = await tx
      .insert(subscribers)
      .values(
        fresh.map((address) => ({
          email: address,
          status: 'confirmed' as const,
          source: 'import' as const,
          createdAt: now,
          confirmedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: subscribers.id });
    return added.length;
  });
  refused.sort((a, b) => a.line - b.line);
  return { ok: true, imported, refused };
}
