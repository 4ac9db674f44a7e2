import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getAdDay } from '@/db/queries/ad-stats';
import { ads } from '@/db/schema';
import { seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { flushAdCounts } from './ad-counts';
import { clickToken } from './click-token';
import { followAdClick } from './clicks';

const db = useFreshDatabase('ad_clicks');
const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36';
const today = () => new Date().toISOString().slice(0, 10);

async function clicksToday(adId: number): Promise<number> {
  await flushAdCounts();
  return (await getAdDay(db(), adId, today()))?.clicks ?? 0;
}

async function liveAd() {
  await seedDemoContent(db());
  const [ad] = await db().select().from(ads).where(eq(ads.status, 'active')).limit(1);
  return ad;
}

describe('clicking an ad, as an attacker would', () => {
  it('100 GETs without a token are all redirected and none is counted', async () => {
    const ad = await liveAd();
    for (let i = 0; i < 100; i++) {
      expect(await followAdClick(String(ad.id), { token: null, ip: `10.1.0.${i}`, userAgent: browser })).toBe(
        ad.targetUrl,
      );
    }
    expect(await clicksToday(ad.id)).toBe(0);
  });

  it('one page’s token used 100 times by one visitor counts one click', async () => {
    const [ad] = await db().select().from(ads).where(eq(ads.status, 'active')).limit(1);
    const token = clickToken(ad.id, new Date());
    const before = await clicksToday(ad.id);
    await Promise.all(
      Array.from({ length: 100 }, () => followAdClick(String(ad.id), { token, ip: '10.2.0.1', userAgent: browser })),
    );
    expect((await clicksToday(ad.id)) - before).toBe(1);
  });

  it('a stale, forged or other ad’s token, or a bot, counts nothing; a new visitor with a fresh token counts', async () => {
    const [ad, other] = await db().select().from(ads).where(eq(ads.status, 'active')).limit(2);
    const before = await clicksToday(ad.id);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const tokens = [clickToken(ad.id, twoDaysAgo), clickToken(other.id, new Date()), 'lzz0abc.Zm9yZ2VkLXNpZ25hdHVyZQ'];
    for (const [i, token] of tokens.entries()) {
      await followAdClick(String(ad.id), { token, ip: `10.3.0.${i}`, userAgent: browser });
    }
    const fresh = clickToken(ad.id, new Date());
    await followAdClick(String(ad.id), { token: fresh, ip: '10.3.1.1', userAgent: 'Googlebot/2.1' });
    expect(await clicksToday(ad.id)).toBe(before);
    await followAdClick(String(ad.id), { token: fresh, ip: '10.3.1.2', userAgent: browser });
    expect(await clicksToday(ad.id)).toBe(before + 1);
  });
});
