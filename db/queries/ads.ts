import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../client';
import { adSlots, ads, labels, type AdSlot } from '../schema';

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
export type SlotWithAds = Pick<AdSlot, 'key' | 'name' | 'placement' | 'width' | 'height' | 'afterParagraph'> & {
  /** When set, the slot shows only on articles with this label. */
  labelSlug: string | null;
  ads: ServedAd[];
};

/** Every slot, each with the ads that are active and inside their window at `now`. */
export async function listLiveSlots(db: Database, now: Date): Promise<SlotWithAds[]> {
  const slots = await db
    .select({
      id: adSlots.id,
      key: adSlots.key,
      name: adSlots.name,
      placement: adSlots.placement,
      width: adSlots.width,
      height: adSlots.height,
      afterParagraph: adSlots.afterParagraph,
      labelSlug: labels.slug,
    })
    .from(adSlots)
    .leftJoin(labels, eq(labels.id, adSlots.labelId))
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
    .where(and(eq(ads.status, 'active'), lte(ads.startsAt, now), or(isNull(ads.endsAt), gt(ads.endsAt, now))))
    .orderBy(asc(ads.id));
  return slots.map(({ id, ...slot }) => ({
    ...slot,
    ads: live.filter((ad) => ad.slotId === id).map(({ slotId: _slotId, ...ad }) => ad),
  }));
}
