import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { adDailyStats, adSlots, ads } from '../schema';

export async function listSlots(db: Database) {
  return db.select().from(adSlots).orderBy(asc(adSlots.placement), asc(adSlots.position), asc(adSlots.id));
}

/** Every ad with its slot and its counted clicks and impressions, for the ads dashboard. */
export async function listAdsWithTotals(db: Database) {
  const totals = db
    .select({
      adId: adDailyStats.adId,
      clicks: sql<number>`sum(${adDailyStats.clicks})::int`.as('clicks'),
      impressions: sql<number>`sum(${adDailyStats.impressions})::int`.as('impressions'),
    })
    .from(adDailyStats)
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
