import 'server-only';
import { z } from 'zod';
import { dailyFigures, getAdByReportToken } from '@/db/queries/ad-stats';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { reportRange, type ReportQuery } from './report';

const token = z.uuid();

/** The advertiser's private link to an ad's report, as the dashboard shows it and the scheduled mail sends it. */
export function advertiserReportUrl(reportToken: string): string {
  return new URL(`/ads/report/${reportToken}`, env().SITE_URL).toString();
}

/**
 * An advertiser's report, found by the unguessable token in its link (nothing else is needed to read it, as with
 * a shared document), over the range the query asks for. Null for a token that is not one of ours.
 */
export async function readAdvertiserReport(rawToken: string, query: ReportQuery) {
  const parsed = token.safeParse(rawToken);
  if (!parsed.success) return null;
  const db = await getDb();
  const ad = await getAdByReportToken(db, parsed.data);
  if (!ad) return null;
  const range = reportRange(query);
  return { ad, range, days: await dailyFigures(db, [ad.id], range.from, range.to) };
}
