import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../client';
import { adSlots, ads, type AdSlot } from '../schema';

export type ServedAd = {
  id: number;
  advertiser: string;
  imageUrl: string;
  altText: string;
  headline: string;
  targetUrl: string;
  weight: number;
  endsAt: Date | null;
};
export type SlotWithAds = Pick<AdSlot, 'key' | 'name' | 'width' | 'height'> & { ads: ServedAd[] };

/** The slots of one placement, each with the ads that are active and inside their window at `now`. */
export async function listSlotsWithActiveAds(
  db: Database,
  placement: AdSlot['placement'],
  now: Date,
): Promise<SlotWithAds[]> {
  const slots = await db
    .select({ id: adSlots.id, key: adSlots.key, name: adSlots.name, width: adSlots.width, height: adSlots.height })
    .from(adSlots)
    .where(eq(adSlots.placement, placement))
    .orderBy(asc(adSlots.position), asc(adSlots.id));
  if (slots.length === 0) return [];
  const live = await db
    .select({
      slotId: ads.slotId,
      id: ads.id,
      advertiser: ads.advertiser,
      imageUrl: ads.imageUrl,
      altText: ads.altText,
      headline: ads.headline,
      targetUrl: ads.targetUrl,
      weight: ads.weight,
      endsAt: ads.endsAt,
    })
    .from(ads)
    .innerJoin(adSlots, eq(adSlots.id, ads.slotId))
    .where(
      and(
        eq(adSlots.placement, placement),
        eq(ads.status, 'active'),
        lte(ads.startsAt, now),
        or(isNull(ads.endsAt), gt(ads.endsAt, now)),
      ),
    )
    .orderBy(asc(ads.id));
  return slots.map(({ id, ...slot }) => ({
    ...slot,
    ads: live.filter((ad) => ad.slotId === id).map(({ slotId: _slotId, ...ad }) => ad),
  }));
}
