import { z } from 'zod';
import type { DailyFigures } from '@/db/queries/ad-stats';
import { firstValue } from '@/lib/query-string';

export type { DailyFigures } from '@/db/queries/ad-stats';

const DAY = 86_400_000;
const MAX_DAYS = 366;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

export type ReportRange = { from: string; to: string };
/** A report page's query string: ?from=&to=. */
export type ReportQuery = { from?: string | string[]; to?: string | string[] };

/**
 * The days a report covers, from the page's ?from=&to= (UTC days, as counted). Missing or unreadable dates fall
 * back to the last 30 days; a reversed range is put right; a range is at most a year, counted back from `to`.
 */
export function reportRange(query: ReportQuery, now = new Date()): ReportRange {
  const read = (value: string | string[] | undefined) => {
    const parsed = day.safeParse(firstValue(value));
    return parsed.success ? Date.parse(`${parsed.data}T00:00:00Z`) : undefined;
  };
  const today = Date.parse(`${isoDay(now.getTime())}T00:00:00Z`);
  let to = read(query.to) ?? today;
  let from = read(query.from) ?? to - 29 * DAY;
  if (from > to) [from, to] = [to, from];
  from = Math.max(from, to - (MAX_DAYS - 1) * DAY);
  return { from: isoDay(from), to: isoDay(to) };
}

export type Totals = { impressions: number; servedImpressions: number; clicks: number };

export function totalsOf(days: Totals[]): Totals {
  return days.reduce(
    (sum, d) => ({
      impressions: sum.impressions + d.impressions,
      servedImpressions: sum.servedImpressions + d.servedImpressions,
      clicks: sum.clicks + d.clicks,
    }),
    { impressions: 0, servedImpressions: 0, clicks: 0 },
  );
}

/** Click-through rate as readers of ad reports expect it: clicks over viewable impressions, "–" without any. */
export function formatCtr(clicks: number, impressions: number): string {
  return impressions === 0 ? '–' : `${((clicks / impressions) * 100).toFixed(2)}%`;
}

/** The report as a spreadsheet: one row per day, then the totals. */
export function reportCsv(days: DailyFigures[]): string {
  const row = (cells: (string | number)[]) => cells.join(',');
  const total = totalsOf(days);
  return (
    [
      row(['date', 'impressions', 'served_without_javascript', 'clicks', 'ctr']),
      ...days.map((d) =>
        row([d.day, d.impressions, d.servedImpressions, d.clicks, formatCtr(d.clicks, d.impressions)]),
      ),
      row([
        'total',
        total.impressions,
        total.servedImpressions,
        total.clicks,
        formatCtr(total.clicks, total.impressions),
      ]),
    ].join('\r\n') + '\r\n'
  );
}
