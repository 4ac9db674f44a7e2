import { describe, expect, it } from 'vitest';
import { getAdDay } from '@/db/queries/ad-stats';
import { ads } from '@/db/schema';
import { seedDemoContent } from '@/lib/seed/demo';
import { runShutdownTasks } from '@/lib/shutdown';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { flushAdCounts, FLUSH_INTERVAL_MS, PendingCounts, recordAdCounts } from './ad-counts';

const db = useFreshDatabase('ad_counts');

describe('ad counts held in memory', () => {
  it('keep one row per ad and day, whatever the number of events, and take back a failed write', () => {
    const pending = new PendingCounts();
    for (let i = 0; i < 1000; i++) pending.add(1, '2026-06-01', 'impressions');
    pending.add(1, '2026-06-01', 'clicks');
    pending.add(2, '2026-06-01', 'servedImpressions');
    const rows = pending.take();
    expect(rows).toEqual([
      { adId: 1, day: '2026-06-01', impressions: 1000, servedImpressions: 0, clicks: 1 },
      { adId: 2, day: '2026-06-01', impressions: 0, servedImpressions: 1, clicks: 0 },
    ]);
    expect(pending.take()).toEqual([]);
    pending.restore(rows);
    pending.add(1, '2026-06-01', 'impressions');
    expect(pending.take()[0]).toMatchObject({ adId: 1, impressions: 1001, clicks: 1 });
  });

  it('are written within a flush interval, and by the shutdown task, counts that came during a write included', async () => {
    await seedDemoContent(db());
    const [first, second] = await db().select().from(ads).orderBy(ads.id).limit(2);
    recordAdCounts([first.id, second.id], '2026-06-01', 'impressions');
    // Nothing calls flush here: the interval does.
    await expect
      .poll(() => getAdDay(db(), first.id, '2026-06-01'), { timeout: FLUSH_INTERVAL_MS * 10 })
      .toMatchObject({ impressions: 1 });

    // A stop: a write under way, counts arriving during it, then the server's shutdown tasks.
    recordAdCounts([first.id], '2026-06-01', 'clicks');
    const writing = flushAdCounts();
    recordAdCounts([first.id, second.id], '2026-06-01', 'clicks');
    await runShutdownTasks();
    await writing;
    expect(await getAdDay(db(), first.id, '2026-06-01')).toMatchObject({ impressions: 1, clicks: 2 });
    expect(await getAdDay(db(), second.id, '2026-06-01')).toMatchObject({ impressions: 1, clicks: 1 });
  });
});
