import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { newest, permalinkOf } from './demo';
import { thisMonth, unique } from './fixtures';

// The e2e server's build (scripts/e2e-server.ts): Next keeps rendered pages under server/route-cache and cached
// reads under cache/fetch-cache.
const distDir = '.next-e2e';
const cacheFolders = [path.join(distDir, 'server', 'route-cache'), path.join(distDir, 'cache', 'fetch-cache')];

/** Every file of the page cache, as paths. */
function cacheFiles(): string[] {
  return cacheFolders.flatMap((folder) =>
    fs.existsSync(folder)
      ? fs
          .readdirSync(folder, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
      : [],
  );
}

// Other specs running beside this one may publish a post or two, and Next then caches their pages: a few files,
// where the storm below stored about 2,600 before redirects and empty listings were kept out.
const othersSlack = 60;

test('200 redirect addresses and 200 empty listings leave the page cache as it was', async ({ request }) => {
  const canonical = permalinkOf(newest.daysAgo, newest.slug);
  const stranger = `storm-${unique()}`;
  const pastTheEnd = 500;
  const emptyListings = [
    ...Array.from({ length: 60 }, (_, i) => `/${1000 + i}/${String((i % 12) + 1).padStart(2, '0')}`),
    ...Array.from({ length: 50 }, (_, i) => `/archive/${1000 + i}`),
    ...Array.from({ length: 50 }, (_, i) => `/page/${pastTheEnd + i}`),
    ...Array.from({ length: 20 }, (_, i) => `${thisMonth()}/page/${pastTheEnd + i}`),
    ...Array.from({ length: 20 }, (_, i) => `/label/harbour/page/${pastTheEnd + i}`),
  ];
  // Warm what the storm shares with real pages (the article, the sidebar's reads), then count.
  expect((await request.get(canonical)).status()).toBe(200);
  await request.get(`/${stranger}/x/${newest.slug}`, { maxRedirects: 0 });
  await request.get('/1800/01');
  const before = cacheFiles().length;

  for (let i = 0; i < 200; i++) {
    const answer = await request.get(`/${stranger}-${i}/${i}/${newest.slug}`, { maxRedirects: 0 });
    expect(answer.status()).toBe(301);
    // Next 16.4 repeats the header on a redirect it renders (the same value twice), so each one is checked.
    const locations = answer.headersArray().filter((header) => header.name.toLowerCase() === 'location');
    expect(new Set(locations.map((header) => header.value))).toEqual(new Set([canonical]));
  }
  for (const address of emptyListings) expect((await request.get(address)).status(), address).toBe(404);

  // Next writes its cache after it answers: a last page view, then the count.
  await request.get('/');
  const after = cacheFiles();
  expect(after.filter((file) => file.includes(stranger))).toEqual([]);
  expect(after.length - before).toBeLessThan(othersSlack);
});

test('the article, the front page and a month with posts are still served from the cache', async ({ request }) => {
  for (const address of [permalinkOf(newest.daysAgo, newest.slug), '/', thisMonth(), '/label/harbour']) {
    expect((await request.get(address)).status(), address).toBe(200);
    // The first visit may render it; the next ones are served from the cache once it is written.
    await expect
      .poll(async () => (await request.get(address)).headers()['x-nextjs-cache'], { message: address })
      .toBe('HIT');
  }
});

test('a month or year with no posts is the 404 page, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const address of ['/1800/01', '/archive/1800', '/page/9999']) {
    expect((await page.goto(address))?.status(), address).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), address).toHaveText('Page not found');
  }
  await context.close();
});
