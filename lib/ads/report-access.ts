import { z } from 'zod';
import type { Database } from '@/lib/db';
import { dailyFigures, getAdByReportToken } from '@/db/queries/ad-stats';
import { reportRange } from './report';

const token = z.uuid();

/**
 * An advertiser's report, found by the unguessable token in its link (nothing else is needed to read it, as with
 * a shared document), over the range the query asks for. Null for a token that is not one of ours.
 */
export async function readAdvertiserReport(
  db: Database,
  rawToken: string,
  query: { from?: string | string[]; to?: string | string[] },
) {
  const parsed = token.safeParse(rawToken);
  if (!parsed.success) return null;
  const ad = await getAdByReportToken(db, parsed.data);
  if (!ad) return null;
  const range = reportRange(query);
  return { ad, range, days: await dailyFigures(db, [ad.id], range.from, range.to) };
}
