import { and, desc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../client';
import { adRequests, adSlots, ads, type AdSlot } from '../schema';

export type NewAdRequest = typeof adRequests.$inferInsert;

export async function insertAdRequest(db: Database, request: NewAdRequest) {
  const [row] = await db.insert(adRequests).values(request).returning({ id: adRequests.id });
  return row.id;
}

export async function listAdRequests(db: Database) {
  return db
    .select({ request: adRequests, slotName: adSlots.name, slotWidth: adSlots.width, slotHeight: adSlots.height })
    .from(adRequests)
    .innerJoin(adSlots, eq(adSlots.id, adRequests.slotId))
    .orderBy(desc(adRequests.createdAt), desc(adRequests.id));
}

export async function getAdRequest(db: Database, id: number) {
  const [row] = await db.select().from(adRequests).where(eq(adRequests.id, id));
  return row ?? null;
}

/** For each slot and each of the given weeks (Monday dates), how many active ads run during it. */
export async function bookedWeeks(db: Database, slots: AdSlot[], weekStarts: Date[]): Promise<Map<string, number>> {
  const booked = new Map<string, number>();
  if (slots.length === 0 || weekStarts.length === 0) return booked;
  const last = new Date(weekStarts.at(-1)!.getTime() + 7 * 86_400_000);
  const running = await db
    .select({ slotId: ads.slotId, startsAt: ads.startsAt, endsAt: ads.endsAt })
    .from(ads)
    .where(
      and(
        inArray(
          ads.slotId,
          slots.map((s) => s.id),
        ),
        eq(ads.status, 'active'),
        lt(ads.startsAt, last),
        or(isNull(ads.endsAt), gt(ads.endsAt, weekStarts[0])),
      ),
    );
  for (const slot of slots) {
    for (const start of weekStarts) {
      const end = new Date(start.getTime() + 7 * 86_400_000);
      const n = running.filter(
        (ad) => ad.slotId === slot.id && ad.startsAt < end && (!ad.endsAt || ad.endsAt > start),
      ).length;
      booked.set(`${slot.id}:${start.toISOString().slice(0, 10)}`, n);
    }
  }
  return booked;
}
