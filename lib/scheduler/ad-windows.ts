import { and, gt, lte, or } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { ads } from '@/db/schema';

/** Whether any ad started or ended in (since, now]: then the pages that show ads must be rendered again. */
export async function adWindowsChanged(db: Database, since: Date, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: ads.id })
    .from(ads)
    .where(or(and(gt(ads.startsAt, since), lte(ads.startsAt, now)), and(gt(ads.endsAt, since), lte(ads.endsAt, now))))
    .limit(1);
  return Boolean(row);
}

export type AdWindow = { id: number; startsAt: Date; endsAt: Date | null };

/** Ads with a start or an end still to come, for the sweep to make sure each has its jobs. */
export async function upcomingAdWindows(db: Database, now = new Date()): Promise<AdWindow[]> {
  return db
    .select({ id: ads.id, startsAt: ads.startsAt, endsAt: ads.endsAt })
    .from(ads)
    .where(or(gt(ads.startsAt, now), gt(ads.endsAt, now)));
}
