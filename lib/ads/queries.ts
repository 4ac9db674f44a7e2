import { listSlotsWithActiveAds } from '@/db/queries/ads';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';

export type { SlotWithAds, ServedAd } from '@/db/queries/ads';

/** Sidebar slots with the ads live when the cache was filled. */
export const listSidebarSlots = cached('ads:sidebar', (db) => listSlotsWithActiveAds(db, 'sidebar', new Date()), () => [
  tags.ads,
]);
