import { describe, expect, it } from 'vitest';
import { seedDemoContent } from '@/lib/seed/demo';
import { ads } from '../schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { countAdEvent, getAdDay, getAdForClick } from './ad-stats';

const db = useFreshDatabase('ad_stats');

describe('ad counters', () => {
  it('upserts one row per ad per day, also under concurrent events', async () => {
    await seedDemoContent(db());
    const [ad] = await db().select().from(ads).limit(1);
    expect((await getAdForClick(db(), ad.id))?.targetUrl).toBe(ad.targetUrl);
    expect(await getAdForClick(db(), 999_999)).toBeNull();

    await Promise.all(Array.from({ length: 20 }, () => countAdEvent(db(), ad.id, 'clicks', '2026-06-01')));
    await countAdEvent(db(), ad.id, 'impressions', '2026-06-01', 5);
    await countAdEvent(db(), ad.id, 'clicks', '2026-06-02');
    expect(await getAdDay(db(), ad.id, '2026-06-01')).toMatchObject({ clicks: 20, impressions: 5 });
    expect(await getAdDay(db(), ad.id, '2026-06-02')).toMatchObject({ clicks: 1, impressions: 0 });
  });
});
