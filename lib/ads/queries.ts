import { listLiveSlots } from '@/db/queries/ads';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';

export type { SlotWithAds, ServedAd } from '@/db/queries/ads';

/** Every slot with the ads live when the cache was filled (the scheduler refreshes it as windows open and close). */
export const listAdSlots = cached(
  'ads:slots',
  (db) => listLiveSlots(db, new Date()),
  () => [tags.ads],
);
