import { describe, expect, it } from 'vitest';
import { seedDemoContent } from '@/lib/seed/demo';
import { ads } from '../schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { addAdCounts, getAdDay, getAdForClick, listAdIds } from './ad-stats';

const db = useFreshDatabase('ad_stats');
const row = (
  adId: number,
  day: string,
  counts: { impressions?: number; servedImpressions?: number; clicks?: number },
) => ({
  adId,
  day,
  impressions: 0,
  servedImpressions: 0,
  clicks: 0,
  ...counts,
});

describe('ad counters', () => {
  it('adds many ads’ days in one upsert, to rows already there, also from concurrent writes', async () => {
    await seedDemoContent(db());
    const [first, second] = await db().select().from(ads).orderBy(ads.id).limit(2);
    expect((await getAdForClick(db(), first.id))?.targetUrl).toBe(first.targetUrl);
    expect(await getAdForClick(db(), 999_999)).toBeNull();
    expect(await listAdIds(db())).toEqual(expect.arrayContaining([first.id, second.id]));

    await addAdCounts(db(), [
      row(first.id, '2026-06-01', { impressions: 5, clicks: 1 }),
      row(second.id, '2026-06-01', { servedImpressions: 2 }),
      row(first.id, '2026-06-02', { clicks: 1 }),
    ]);
    await Promise.all(
      Array.from({ length: 20 }, () => addAdCounts(db(), [row(first.id, '2026-06-01', { clicks: 1 })])),
    );
    expect(await getAdDay(db(), first.id, '2026-06-01')).toMatchObject({
      impressions: 5,
      servedImpressions: 0,
      clicks: 21,
    });
    expect(await getAdDay(db(), second.id, '2026-06-01')).toMatchObject({ impressions: 0, servedImpressions: 2 });
    expect(await getAdDay(db(), first.id, '2026-06-02')).toMatchObject({ clicks: 1, impressions: 0 });
  });

  it('drops the counts of an ad that no longer exists and writes the others', async () => {
    const [ad] = await db().select().from(ads).limit(1);
    await addAdCounts(db(), [
      row(999_999, '2026-06-03', { impressions: 7 }),
      row(ad.id, '2026-06-03', { impressions: 3 }),
    ]);
    expect(await getAdDay(db(), ad.id, '2026-06-03')).toMatchObject({ impressions: 3 });
    expect(await getAdDay(db(), 999_999, '2026-06-03')).toBeNull();
  });
});
