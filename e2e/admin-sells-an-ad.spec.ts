import { expect, test } from '@playwright/test';
import { newest, permalinkOf } from './demo';
import { fillNewAd, makePng, signInAs, unique } from './fixtures';

test('an admin books an ad: it shows in a cached article’s sidebar, its page’s clicks count, pausing removes it', async ({
  page,
  request,
}) => {
  const advertiser = `Harbour Chandlery ${unique()}`;
  await signInAs(page, 'admin');
  await page.goto('/dashboard/ads');
  await page.getByRole('link', { name: 'New ad' }).click();
  await fillNewAd(page, {
    advertiser,
    slot: 'Sidebar top (300×250)',
    headline: 'Ropes, paint and advice',
    altText: 'Coils of rope on a quayside counter',
    targetUrl: 'https://example.com/chandlery',
  });
  await page.getByLabel('Starts').fill(new Date(Date.now() - 60_000).toISOString().slice(0, 16));
  await page.getByLabel('Weight').fill('100');

  // An image of the wrong size is refused with the reason, and the form keeps what was typed.
  await page.getByLabel('Image').setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: makePng(728, 90) });
  await page.getByRole('button', { name: 'Save ad' }).click();
  await expect(page.getByText('The image is 728×90; this slot needs exactly 300×250.')).toBeVisible();
  await expect(page.getByLabel('Advertiser')).toHaveValue(advertiser);

  await page.getByLabel('Image').setInputFiles({ name: 'ad.png', mimeType: 'image/png', buffer: makePng(300, 250) });
  await page.getByRole('button', { name: 'Save ad' }).click();
  await expect(page).toHaveURL(/\/dashboard\/ads\/\d+\?saved=1$/);
  const id = /\/dashboard\/ads\/(\d+)/.exec(page.url())![1];

  const article = permalinkOf(newest.daysAgo, newest.slug);
  await page.goto(article);
  const ad = page.locator(`[data-slot="sidebar-top"] a[data-ad="${id}"]`);
  await expect(ad).toHaveCount(1);
  await expect(ad).toHaveAttribute('rel', 'sponsored noopener');
  await expect(ad.locator('img')).toHaveAttribute('alt', 'Coils of rope on a quayside counter');

  // A link without the page's token is followed but not counted (anyone could put it in an <img>); the page's own
  // link counts once, however often this visitor follows it.
  const bare = await request.get(`/ads/click/${id}`, { maxRedirects: 0 });
  expect(bare.status()).toBe(302);
  expect(bare.headers().location).toBe('https://example.com/chandlery');
  const href = (await ad.getAttribute('href'))!;
  expect(href).toMatch(new RegExp(`^/ads/click/${id}\\?t=`));
  for (let i = 0; i < 3; i++) {
    const click = await request.get(href, { maxRedirects: 0 });
    expect(click.headers().location).toBe('https://example.com/chandlery');
  }
  const row = page.getByRole('row').filter({ hasText: advertiser });
  // Counts are written within a second of the click.
  await expect(async () => {
    await page.goto('/dashboard/ads');
    await expect(row.getByRole('cell').nth(5)).toHaveText('1', { timeout: 1000 });
  }).toPass();

  await row.getByRole('button', { name: `Pause ${advertiser}` }).click();
  await expect(page.getByRole('row').filter({ hasText: advertiser })).toContainText('Paused');
  await page.goto(article);
  await expect(page.locator(`[data-ad="${id}"]`)).toHaveCount(0);
  const afterPause = await request.get(`/ads/click/${id}`, { maxRedirects: 0 });
  expect(new URL(afterPause.headers().location).pathname).toBe('/');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an admin edits an ad: pages show it at once, and are refreshed again two seconds later', async ({
    page,
    request,
  }) => {
    const advertiser = `Quay Bakery ${unique()}`;
    await signInAs(page, 'admin');
    await page.goto('/dashboard/ads/new');
    await fillNewAd(page, {
      advertiser,
      slot: 'Sidebar top (300×250)',
      headline: 'Bread from four',
      altText: 'Loaves on a shelf',
      targetUrl: 'https://example.com/bakery',
      image: { width: 300, height: 250 },
    });
    await page.getByRole('button', { name: 'Save ad' }).click();
    await expect(page).toHaveURL(/\/dashboard\/ads\/\d+\?saved=1$/);

    // Saving an ad that exists answers with the form again: Next renders the page in the same request.
    const altText = `Fresh loaves ${unique()}`;
    await page.getByLabel('Alt text').fill(altText);
    await page.getByRole('button', { name: 'Save ad' }).click();
    // The form's own answer (the page's "saved" note from creating the ad is still there).
    await expect(page.locator('form div[role="status"]')).toHaveText('Ad saved. Pages show it now.');
    const savedAt = Date.now();
    const article = permalinkOf(newest.daysAgo, newest.slug);
    expect(await (await request.get(article)).text()).toContain(altText);

    // From here the article is cached, until the second pass of the revalidation marks it stale again two seconds
    // after the save (for a render that began before the save and was stored after it). Other tests may
    // revalidate it sooner: only a refresh after 1.5 s counts.
    let refreshedAfter: number | undefined;
    while (refreshedAfter === undefined && Date.now() - savedAt < 8000) {
      const response = await request.get(article);
      const since = Date.now() - savedAt;
      if (response.headers()['x-nextjs-cache'] !== 'HIT' && since > 1500) refreshedAfter = since;
      else await page.waitForTimeout(150);
    }
    expect(refreshedAfter, 'the second pass did not mark the article stale').toBeDefined();
  });
});
