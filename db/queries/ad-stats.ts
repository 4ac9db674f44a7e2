import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { adDailyStats, adSlots, adViews, ads } from '../schema';

export async function getAdForClick(db: Database, id: number) {
  const [ad] = await db
    .select({ id: ads.id, status: ads.status, startsAt: ads.startsAt, endsAt: ads.endsAt, targetUrl: ads.targetUrl })
    .from(ads)
    .where(eq(ads.id, id));
  return ad ?? null;
}

export async function getAdDay(db: Database, adId: number, day: string) {
  const [row] = await db
    .select()
    .from(adDailyStats)
    .where(sql`${adDailyStats.adId} = ${adId} and ${adDailyStats.day} = ${day}`);
  return row ?? null;
}

export type AdCountKind = 'impressions' | 'servedImpressions' | 'clicks';
/** What one ad gained on one day (YYYY-MM-DD) since the last write. */
export type AdCountRow = { adId: number; day: string } & Record<AdCountKind, number>;

/**
 * Adds counts to the day counters of many ads in one statement (a multi-row upsert). Rows of ads that no longer
 * exist are dropped (the join), so a deleted ad never fails the others' write. `rows` hold each (ad, day) once.
 */
export async function addAdCounts(db: Database, rows: AdCountRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (row) =>
        sql`(${row.adId}::int, ${row.day}::date, ${row.impressions}::int, ${row.servedImpressions}::int, ${row.clicks}::int)`,
    ),
    sql`, `,
  );
  const added = sql`(values ${values}) as added(ad_id, day, impressions, served_impressions, clicks)`;
  // excluded.<column>: what this statement brought for a row that was already there.
  const plus = (kind: AdCountKind) => sql`${adDailyStats[kind]} + excluded.${sql.identifier(adDailyStats[kind].name)}`;
  await db
    .insert(adDailyStats)
    .select(
      db
        .select({
          adId: ads.id,
          day: sql<string>`added.day`.as('day'),
          impressions: sql<number>`added.impressions`.as('impressions'),
          servedImpressions: sql<number>`added.served_impressions`.as('served_impressions'),
          clicks: sql<number>`added.clicks`.as('clicks'),
        })
        .from(added)
        .innerJoin(ads, sql`${ads.id} = added.ad_id`),
    )
    .onConflictDoUpdate({
      target: [adDailyStats.adId, adDailyStats.day],
      set: { impressions: plus('impressions'), servedImpressions: plus('servedImpressions'), clicks: plus('clicks') },
    });
}

/** Every ad's id: counts are kept only for ads that exist. */
export async function listAdIds(db: Database): Promise<number[]> {
  return (await db.select({ id: ads.id }).from(ads)).map((row) => row.id);
}

/**
 * Empties the table the repeat filter lived in before it moved to memory and Redis (lib/ads/repeat-filter.ts):
 * nothing writes it any more, and it can go in a later migration.
 */
export async function pruneViews(db: Database): Promise<void> {
  await db.delete(adViews);
}

export type DailyFigures = { day: string; impressions: number; servedImpressions: number; clicks: number };

/**
 * Counted figures per day from `from` to `to` (inclusive, YYYY-MM-DD) for the given ads, summed over them; days
 * without a row come back as zeros, so a chart has every day of the range.
 */
export async function dailyFigures(db: Database, adIds: number[], from: string, to: string): Promise<DailyFigures[]> {
  const rows =
    adIds.length === 0
      ? []
      : await db
          .select({
            day: adDailyStats.day,
            impressions: sql<number>`sum(${adDailyStats.impressions})::int`,
            servedImpressions: sql<number>`sum(${adDailyStats.servedImpressions})::int`,
            clicks: sql<number>`sum(${adDailyStats.clicks})::int`,
          })
          .from(adDailyStats)
          .where(and(inArray(adDailyStats.adId, adIds), gte(adDailyStats.day, from), lte(adDailyStats.day, to)))
          .groupBy(adDailyStats.day);
  const byDay = new Map(rows.map((row) => [String(row.day), row]));
  const days: DailyFigures[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const row = byDay.get(day);
    days.push({
      day,
      impressions: Number(row?.impressions ?? 0),
      servedImpressions: Number(row?.servedImpressions ?? 0),
      clicks: Number(row?.clicks ?? 0),
    });
  }
  return days;
}

export async function getAdByReportToken(db: Database, token: string) {
  const [ad] = await db
    .select({
      id: ads.id,
      advertiser: ads.advertiser,
      headline: ads.headline,
      startsAt: ads.startsAt,
      endsAt: ads.endsAt,
      slotName: adSlots.name,
    })
    .from(ads)
    .innerJoin(adSlots, eq(adSlots.id, ads.slotId))
    .where(eq(ads.reportToken, token));
  return ad ?? null;
}
