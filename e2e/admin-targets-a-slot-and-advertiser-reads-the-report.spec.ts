import { expect, test } from '@playwright/test';
import { permalinkOf, published } from './demo';
import { fillNewAd, signInAs, unique } from './fixtures';

const schools = published.find((post) => post.labels.includes('Schools'))!;
const elsewhere = published.find((post) => !post.labels.includes('Schools'))!;

test('an admin adds an in-article slot for one label and sells it; the advertiser’s report link shows the figures', async ({
  page,
  browser,
  request,
}) => {
  const key = `schools-${unique()}`;
  const advertiser = `Exam Tutors ${unique()}`;
  await signInAs(page, 'admin');

  // The slot: in the article after its first paragraph, only on articles labelled Schools.
  await page.goto('/dashboard/ads');
  await page.getByRole('link', { name: 'Slots' }).click();
  await page.getByRole('link', { name: 'New slot' }).click();
  await page.getByLabel('Name').fill(`Schools inline ${key}`);
  await page.getByLabel('Key').fill('Not A Key!');
  await page.getByLabel('Placement').selectOption({ label: 'In article' });
  await page.getByLabel('After paragraph').fill('1');
  await page.getByLabel('Width').fill('300');
  await page.getByLabel('Height').fill('100');
  await page.getByLabel('Show on').selectOption({ label: 'Only articles labelled Schools' });
  await page.getByLabel('Price per week (USD)').fill('12.50');
  await page.getByRole('button', { name: 'Save slot' }).click();
  await expect(page.getByText('Use lowercase letters, digits and dashes, like sidebar-top.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(`Schools inline ${key}`);
  await expect(page.getByLabel('Placement')).toHaveValue('in_article');
  await page.getByLabel('Key').fill(key);
  await page.getByRole('button', { name: 'Save slot' }).click();
  await expect(page).toHaveURL(/\/dashboard\/ads\/slots\/\d+\?saved=1$/);

  // An ad in it, live now.
  await page.goto('/dashboard/ads/new');
  await fillNewAd(page, {
    advertiser,
    slot: `Schools inline ${key} (300×100)`,
    headline: 'Revision that works',
    altText: 'A tutor and a student at a desk',
    targetUrl: 'https://example.com/tutors',
    image: { width: 300, height: 100 },
  });
  await page.getByLabel('Starts').fill(new Date(Date.now() - 60_000).toISOString().slice(0, 19));
  await page.getByRole('button', { name: 'Save ad' }).click();
  await expect(page).toHaveURL(/\/dashboard\/ads\/\d+\?saved=1$/);
  const id = /\/dashboard\/ads\/(\d+)/.exec(page.url())![1];

  // A reader sees it after the first paragraph of a Schools article, and not on other articles.
  const reader = await browser.newPage();
  await reader.goto(permalinkOf(elsewhere.daysAgo, elsewhere.slug));
  await expect(reader.locator(`[data-slot="${key}"]`)).toHaveCount(0);
  const beacon = () =>
    reader.waitForRequest((r) => r.url().endsWith('/api/ads/impressions') && r.postData()?.includes(id) === true, {
      timeout: 15_000,
    });
  let seen = beacon();
  await reader.goto(permalinkOf(schools.daysAgo, schools.slug));
  const ad = reader.locator(`article [data-slot="${key}"] a[data-ad="${id}"]`);
  await expect(ad).toBeVisible();
  await expect(ad).toHaveAttribute('rel', 'sponsored noopener');
  const paragraphsBefore = await ad.evaluate(
    (node) =>
      [...document.querySelectorAll('article .prose > p')].filter(
        (p) => p.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).length,
  );
  expect(paragraphsBefore).toBe(1);
  await ad.scrollIntoViewIfNeeded();
  expect((await (await seen).response())?.status()).toBe(204);

  // The same reader again within 30 minutes: the beacon is sent, the impression is not counted twice.
  seen = beacon();
  await reader.reload();
  await ad.scrollIntoViewIfNeeded();
  expect((await (await seen).response())?.status()).toBe(204);
  const click = await request.get((await ad.getAttribute('href'))!, { maxRedirects: 0 });
  expect(click.headers().location).toBe('https://example.com/tutors');

  // The admin's report (counts are written within a second), and the advertiser's private link, which needs no
  // sign-in.
  const report = page.getByRole('region', { name: 'Report' });
  await expect(async () => {
    await page.goto(`/dashboard/ads/${id}`);
    await expect(report.getByRole('definition').first()).toHaveText('1', { timeout: 1000 });
    await expect(report.locator('dl')).toContainText('Clicks1', { timeout: 1000 });
  }).toPass();
  const link = await report.getByRole('link', { name: /\/ads\/report\// }).getAttribute('href');
  const advertiserView = await (await browser.newContext()).newPage();
  await advertiserView.goto(new URL(link!).pathname);
  await expect(advertiserView.getByRole('heading', { level: 1 })).toHaveText(advertiser);
  const figures = advertiserView.locator('dl');
  await expect(figures).toContainText('Impressions1');
  await expect(figures).toContainText('Clicks1');
  await expect(figures).toContainText('CTR100.00%');
  await expect(advertiserView.getByRole('img', { name: /Impressions per day/ })).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await expect(advertiserView.getByRole('row').filter({ hasText: today })).toContainText('100.00%');
  const csvHref = await advertiserView.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  const csv = await request.get(csvHref!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(`${today},1,0,1,100.00%`);
  expect((await request.get('/ads/report/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
});

test('an ad disappears from the cached page by itself when its window ends', async ({ page }) => {
  const advertiser = `Flash Sale ${unique()}`;
  await signInAs(page, 'admin');
  await page.goto('/dashboard/ads/new');
  await fillNewAd(page, {
    advertiser,
    slot: 'Sidebar bottom (300×250)',
    headline: 'Today only',
    altText: 'Sale signs in a shop window',
    targetUrl: 'https://example.com/sale',
    image: { width: 300, height: 250 },
  });
  await page.getByLabel('Starts').fill(new Date(Date.now() - 60_000).toISOString().slice(0, 19));
  await page.getByLabel('Ends').fill(new Date(Date.now() + 12_000).toISOString().slice(0, 19));
  await page.getByRole('button', { name: 'Save ad' }).click();
  await expect(page).toHaveURL(/\/dashboard\/ads\/\d+\?saved=1$/);
  const id = /\/dashboard\/ads\/(\d+)/.exec(page.url())![1];

  const article = permalinkOf(schools.daysAgo, schools.slug);
  await page.goto(article);
  await expect(page.locator(`[data-ad="${id}"]`)).toHaveCount(1);
  // Nobody acts: the scheduler re-renders the cached pages when the window closes.
  await expect(async () => {
    const html = await (await page.request.get(article)).text();
    expect(html).not.toContain(`data-ad="${id}"`);
  }).toPass({ timeout: 30_000 });
});
