import { expect, test } from '@playwright/test';
import { newest, permalinkOf } from './demo';

test('ads of one slot alternate across views of the same cached page', async ({ page }) => {
  const seen = new Set<string>();
  for (let view = 0; view < 20 && seen.size < 2; view++) {
    const response = await page.goto('/');
    expect(response?.headers()['x-nextjs-cache']).toBe('HIT');
    seen.add((await page.locator('[data-slot="sidebar-top"] a[data-ad]:visible').getAttribute('data-ad'))!);
  }
  expect(seen.size).toBe(2);
});

for (const [name, path] of [
  ['home', '/'],
  ['article', permalinkOf(newest.daysAgo, newest.slug)],
]) {
  test(`the ${name} page does not shift while it loads (layout shift 0)`, async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) w.__shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBe(0);
  });
}

test('an unknown ad sends the reader home, never elsewhere; ads.txt is served', async ({ request }) => {
  for (const path of ['/ads/click/999999', '/ads/click/abc', '/ads/click/-1']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(new URL(response.headers().location).pathname).toBe('/');
  }
  const adsTxt = await request.get('/ads.txt');
  expect(adsTxt.headers()['content-type']).toContain('text/plain');
  expect(await adsTxt.text()).toContain('Direct-sold ads only');
});

test('an ad in view for a second is reported with a beacon, which answers 204', async ({ page }) => {
  const beacon = page.waitForRequest((r) => r.url().endsWith('/api/ads/impressions') && r.method() === 'POST', {
    timeout: 15_000,
  });
  await page.goto('/');
  const shown = page.locator('[data-slot="sidebar-top"] a[data-ad]:visible');
  await shown.scrollIntoViewIfNeeded();
  const request = await beacon;
  expect((JSON.parse(request.postData()!) as { ids: number[] }).ids).toContain(
    Number(await shown.getAttribute('data-ad')),
  );
  expect((await request.response())?.status()).toBe(204);
});
