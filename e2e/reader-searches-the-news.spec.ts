import { expect, test } from '@playwright/test';
import { draft, newest, published } from './demo';
import { xssPayloads } from './xss-payloads';

const perPage = 6;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a reader with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('searches from the sidebar and opens what it finds', async ({ page }) => {
      await page.goto('/');
      const sidebarSearch = page.getByRole('search', { name: 'Search the news' });
      // Words of the newest article's body, in another form ("barges" for "barge").
      await sidebarSearch.getByRole('searchbox', { name: 'Search words' }).fill('crane barges');
      await sidebarSearch.getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL(/\/search\?q=crane\+barges$/);
      await expect(page).toHaveTitle(/^Search: crane barges/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for “crane barges”');
      await expect(page.getByRole('search', { name: 'Search again' }).getByRole('searchbox')).toHaveValue(
        'crane barges',
      );
      await expect(page.locator('main article h3')).toHaveText([newest.title]);
      await page.locator('main article h3').getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title);
    });

    test('pages through many matches, newest first, and is told when nothing matches', async ({ page }) => {
      await page.goto('/search?q=harbour');
      const titles = page.locator('main article h3');
      await expect(titles).toHaveCount(perPage);
      const firstPage = await titles.allTextContents();
      expect(firstPage[0]).toBe(newest.title);
      const order = (titles: string[]) => titles.map((title) => published.findIndex((post) => post.title === title));
      expect(order(firstPage)).toEqual([...order(firstPage)].sort((a, b) => a - b));

      await page.getByRole('link', { name: 'Older posts →' }).click();
      await expect(page).toHaveURL(/\/search\?q=harbour&page=2$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for “harbour”, page 2');
      const secondPage = await titles.allTextContents();
      expect(secondPage.length).toBeGreaterThan(0);
      expect(Math.min(...order(secondPage))).toBeGreaterThan(Math.max(...order(firstPage)));
      await page.getByRole('link', { name: '← Newer posts' }).click();
      await expect(page).toHaveURL(/\/search\?q=harbour$/);

      const search = page.getByRole('search', { name: 'Search again' });
      await search.getByRole('searchbox').fill('zeppelin');
      await search.getByRole('button', { name: 'Search' }).click();
      await expect(page.getByText('No posts match “zeppelin”. Try other words, or fewer.')).toBeVisible();
      await expect(titles).toHaveCount(0);
    });
  });
}

test('a reader on a phone reaches search from the menu at the top', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByText('Type some words to find the posts that hold them.')).toBeVisible();
  const search = page.getByRole('search', { name: 'Search again' });
  await expect(search).toBeInViewport();
  await search.getByRole('searchbox').fill('lifeboat');
  await search.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/search\?q=lifeboat$/);
  await expect(page.locator('main article h3').first()).toBeInViewport();
});

test('a draft is never found, and a search too long keeps its words with a message', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(draft.title)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Search results for “${draft.title}”`);
  await expect(page.locator('main article h3')).not.toContainText([draft.title]);

  const long = 'tide '.repeat(50).trim();
  const response = await page.goto(`/search?q=${encodeURIComponent(long)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Search for at most 200 characters.');
  await expect(page.getByRole('search', { name: 'Search again' }).getByRole('searchbox')).toHaveValue(long);
});

test('search pages are kept out of search engines', async ({ page, request }) => {
  await page.goto('/search?q=harbour');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /search');
});

test('words that look like markup or script are shown as the reader typed them, and never run', async ({ page }) => {
  // One search page per payload, each rendered afresh: on a loaded 2-core machine the default 90 s ran out.
  test.setTimeout(240_000);
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  for (const words of xssPayloads.filter((payload) => payload.trim().length <= 200)) {
    await page.goto(`/search?q=${encodeURIComponent(words)}`);
    await expect(page.getByRole('search', { name: 'Search again' }).getByRole('searchbox')).toHaveValue(words.trim());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Search results for “${words.trim()}”`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
  expect(dialogs).toBe(0);
});
