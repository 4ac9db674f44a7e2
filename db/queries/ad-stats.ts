import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { adDailyStats, adViews, ads } from '../schema';

export async function getAdForClick(db: Database, id: number) {
  const [ad] = await db
    .select({ id: ads.id, status: ads.status, startsAt: ads.startsAt, endsAt: ads.endsAt, targetUrl: ads.targetUrl })
    .from(ads)
    .where(eq(ads.id, id));
  return ad ?? null;
}

/** Adds to today's counter row of an ad (one upsert, whatever the traffic). */
export async function countAdEvent(
  db: Database,
  adId: number,
  kind: 'impressions' | 'servedImpressions' | 'clicks',
  day: string,
  by = 1,
): Promise<void> {
  await db
    .insert(adDailyStats)
    .values({ adId, day, [kind]: by })
    .onConflictDoUpdate({
      target: [adDailyStats.adId, adDailyStats.day],
      set: { [kind]: sql`${adDailyStats[kind]} + ${by}` },
    });
}

export async function getAdDay(db: Database, adId: number, day: string) {
  const [row] = await db
    .select()
    .from(adDailyStats)
    .where(sql`${adDailyStats.adId} = ${adId} and ${adDailyStats.day} = ${day}`);
  return row ?? null;
}

const REPEAT_WINDOW_MS = 30 * 60 * 1000;

/**
 * Records that `visitor` saw the ad at `now`, and says whether it counts: the first time, or 30 minutes after the
 * last time that counted. One statement, so concurrent beacons of one visitor count once.
 */
export async function claimView(db: Database, adId: number, visitor: string, now: Date): Promise<boolean> {
  const cutoff = new Date(now.getTime() - REPEAT_WINDOW_MS);
  const rows = await db
    .insert(adViews)
    .values({ adId, visitor, seenAt: now })
    .onConflictDoUpdate({ target: [adViews.adId, adViews.visitor], set: { seenAt: now }, setWhere: lt(adViews.seenAt, cutoff) })
    .returning({ adId: adViews.adId });
  return rows.length > 0;
}

export async function pruneViews(db: Database, now: Date): Promise<void> {
  await db.delete(adViews).where(lt(adViews.seenAt, new Date(now.getTime() - REPEAT_WINDOW_MS)));
}

export async function existingAdIds(db: Database, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  return (await db.select({ id: ads.id }).from(ads).where(inArray(ads.id, ids))).map((row) => row.id);
}
