import 'server-only';
import { addAdCounts, type AdCountKind, type AdCountRow } from '@/db/queries/ad-stats';
import { getDb } from '@/lib/db';
import { onShutdown } from '@/lib/shutdown';

export type { AdCountKind } from '@/db/queries/ad-stats';

/** How often counts held in memory are written: what a killed process can lose at most. */
export const FLUSH_INTERVAL_MS = 1000;

/** Counts not written yet, one row per ad and day, whatever the traffic: a beacon adds to a number. */
export class PendingCounts {
  private rows = new Map<string, AdCountRow>();

  add(adId: number, day: string, kind: AdCountKind, by = 1): void {
    const key = `${adId}:${day}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { adId, day, impressions: 0, servedImpressions: 0, clicks: 0 };
      this.rows.set(key, row);
    }
    row[kind] += by;
  }

  /** Everything held, which is then no longer held. */
  take(): AdCountRow[] {
    const rows = [...this.rows.values()];
    this.rows = new Map();
    return rows;
  }

  /** Rows taken for a write that failed, held again to be written with the next ones. */
  restore(rows: AdCountRow[]): void {
    for (const row of rows) {
      this.add(row.adId, row.day, 'impressions', row.impressions);
      this.add(row.adId, row.day, 'servedImpressions', row.servedImpressions);
      this.add(row.adId, row.day, 'clicks', row.clicks);
    }
  }
}

type State = { pending: PendingCounts; timer?: NodeJS.Timeout; writing?: Promise<void> };
// One per process, on globalThis: route bundles may each load this module, and all must share one flush.
const holder = globalThis as unknown as { broadsheetAdCounts?: State };

function state(): State {
  holder.broadsheetAdCounts ??= { pending: new PendingCounts() };
  return holder.broadsheetAdCounts;
}

/**
 * Counts ads, in memory: written to the day counters by the next flush, at most FLUSH_INTERVAL_MS later, as one
 * statement for every ad counted since the last one (and at shutdown: the `ad-counts` task).
 */
export function recordAdCounts(adIds: number[], day: string, kind: AdCountKind): void {
  if (adIds.length === 0) return;
  const current = state();
  for (const adId of adIds) current.pending.add(adId, day, kind);
  if (!current.timer) {
    current.timer = setInterval(() => void flushAdCounts(), FLUSH_INTERVAL_MS);
    // Counting never keeps a process alive by itself (scripts, tests); the server's shutdown flushes what is left.
    current.timer.unref();
    onShutdown('ad-counts', flushAdCounts);
  }
}

/**
 * Writes what is held (one multi-row upsert), after any write already under way: two never run at once, and the
 * shutdown's flush finds everything counted before it written when it returns. A failed write keeps its counts
 * for the next flush.
 */
export async function flushAdCounts(): Promise<void> {
  const current = state();
  while (current.writing) await current.writing;
  const rows = current.pending.take();
  if (rows.length === 0) return;
  current.writing = (async () => {
    try {
      await addAdCounts(await getDb(), rows);
    } catch (error) {
      current.pending.restore(rows);
      console.error('ad counts: the write failed, kept for the next flush', error);
    } finally {
      current.writing = undefined;
    }
  })();
  await current.writing;
}
