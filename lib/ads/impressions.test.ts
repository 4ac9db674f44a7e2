import { describe, expect, it } from 'vitest';
import { getAdDay } from '@/db/queries/ad-stats';
import { ads } from '@/db/schema';
import { seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { flushAdCounts } from './ad-counts';
import { countOncePerVisitor, visitorHash } from './impressions';

const db = useFreshDatabase('impressions');
const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
const at = (iso: string) => new Date(iso);

describe('counting impressions', () => {
  it('counts a visitor once per 30 minutes, never bots, and keeps served apart from seen', async () => {
    await seedDemoContent(db());
    const [ad] = await db().select().from(ads).limit(1);
    const reader = { ip: '10.0.0.1', userAgent: browser };
    expect(await countOncePerVisitor([ad.id, ad.id], reader, 'impressions', at('2026-06-01T10:00:00Z'))).toBe(1);
    expect(await countOncePerVisitor([ad.id], reader, 'impressions', at('2026-06-01T10:29:00Z'))).toBe(0);
    expect(await countOncePerVisitor([ad.id], reader, 'impressions', at('2026-06-01T10:31:00Z'))).toBe(1);
    expect(
      await countOncePerVisitor(
        [ad.id],
        { ip: '10.0.0.2', userAgent: browser },
        'impressions',
        at('2026-06-01T10:31:00Z'),
      ),
    ).toBe(1);
    expect(
      await countOncePerVisitor(
        [ad.id],
        { ip: '10.0.0.3', userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
        'impressions',
        at('2026-06-01T10:31:00Z'),
      ),
    ).toBe(0);
    expect(await countOncePerVisitor([ad.id], reader, 'servedImpressions', at('2026-06-01T10:32:00Z'))).toBe(1);
    expect(await countOncePerVisitor([999_999], { ip: '10.0.0.4', userAgent: browser }, 'impressions')).toBe(0);
    // Held in memory until the next flush (at most a second later, and at shutdown).
    await flushAdCounts();
    expect(await getAdDay(db(), ad.id, '2026-06-01')).toMatchObject({ impressions: 3, servedImpressions: 1 });
  });

  it('concurrent beacons of one visitor count once', async () => {
    const [ad] = await db().select().from(ads).limit(1);
    const reader = { ip: '10.9.0.1', userAgent: browser };
    const counted = await Promise.all(
      Array.from({ length: 10 }, () => countOncePerVisitor([ad.id], reader, 'impressions', at('2026-06-02T10:00:00Z'))),
    );
    expect(counted.reduce((a, b) => a + b, 0)).toBe(1);
    await flushAdCounts();
    expect(await getAdDay(db(), ad.id, '2026-06-02')).toMatchObject({ impressions: 1 });
  });

  it('never stores the address, and the hash changes every day', () => {
    const today = visitorHash('10.0.0.1', browser, at('2026-06-01T10:00:00Z'));
    expect(today).not.toContain('10.0.0.1');
    expect(visitorHash('10.0.0.1', browser, at('2026-06-01T23:00:00Z'))).toBe(today);
    expect(visitorHash('10.0.0.1', browser, at('2026-06-02T00:00:00Z'))).not.toBe(today);
  });
});
