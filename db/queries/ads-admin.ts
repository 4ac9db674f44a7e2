import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { adDailyStats, adSlots, ads, labels } from '../schema';

export async function listSlots(db: Database) {
  return db.select().from(adSlots).orderBy(asc(adSlots.placement), asc(adSlots.position), asc(adSlots.id));
}

/** Slots with the name of the label they target and how many ads they hold, for the slots page. */
export async function listSlotsForAdmin(db: Database) {
  const adCounts = db
    .select({ slotId: ads.slotId, n: count().as('n') })
    .from(ads)
    .groupBy(ads.slotId)
    .as('ad_counts');
  const rows = await db
    .select({ slot: adSlots, labelName: labels.name, ads: adCounts.n })
    .from(adSlots)
    .leftJoin(labels, eq(labels.id, adSlots.labelId))
    .leftJoin(adCounts, eq(adCounts.slotId, adSlots.id))
    .orderBy(asc(adSlots.placement), asc(adSlots.position), asc(adSlots.id));
  return rows.map((row) => ({ ...row.slot, labelName: row.labelName, ads: Number(row.ads ?? 0) }));
}

/** Every ad with its slot and what was counted for it from `from` to `to` (YYYY-MM-DD, inclusive). */
export async function listAdsWithTotals(db: Database, from: string, to: string) {
  const totals = db
    .select({
      adId: adDailyStats.adId,
      clicks: sql<number>`sum(${adDailyStats.clicks})::int`.as('clicks'),
      impressions: sql<number>`sum(${adDailyStats.impressions})::int`.as('impressions'),
    })
    .from(adDailyStats)
    .where(and(gte(adDailyStats.day, from), lte(adDailyStats.day, to)))
    .groupBy(adDailyStats.adId)
    .as('totals');
  const rows = await db
    .select({
      id: ads.id,
      slotId: ads.slotId,
      advertiser: ads.advertiser,
      headline: ads.headline,
      status: ads.status,
      weight: ads.weight,
      startsAt: ads.startsAt,
      endsAt: ads.endsAt,
      clicks: totals.clicks,
      impressions: totals.impressions,
    })
    .from(ads)
    .leftJoin(totals, eq(totals.adId, ads.id))
    .orderBy(asc(ads.slotId), asc(ads.id));
  return rows.map((row) => ({ ...row, clicks: Number(row.clicks ?? 0), impressions: Number(row.impressions ?? 0) }));
}

export async function getAd(db: Database, id: number) {
  const [ad] = await db.select().from(ads).where(eq(ads.id, id));
  return ad ?? null;
}

export async function getSlot(db: Database, id: number) {
  const [slot] = await db.select().from(adSlots).where(eq(adSlots.id, id));
  return slot ?? null;
}
