import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { adDailyStats, ads } from '../schema';

export async function getAdForClick(db: Database, id: number) {
  const [ad] = await db
    .select({ id: ads.id, status: ads.status, startsAt: ads.startsAt, endsAt: ads.endsAt, targetUrl: ads.targetUrl })
    .from(ads)
    .where(eq(ads.id, id));
  return ad ?? null;
}

/** Adds to today's counter row of an ad (one upsert, whatever the traffic). */
export async function countAdEvent(db: Database, adId: number, kind: 'impressions' | 'clicks', day: string, by = 1): Promise<void> {
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
