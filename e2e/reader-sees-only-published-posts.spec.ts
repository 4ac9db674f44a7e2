import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { draft, newest, permalinkOf, published, scheduled } from './demo';

const hidden = [draft, scheduled];

test('a draft or scheduled post URL gives the 404 page', async ({ page }) => {
  for (const post of hidden) {
    for (const daysAgo of [0, post.daysAgo, -3]) {
      const response = await page.goto(permalinkOf(daysAgo, post.slug));
      expect(response?.status()).toBe(404);
    }
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect((await page.goto('/no/such/page/here'))?.status()).toBe(404);
  expect((await page.goto('/label/no-such-label'))?.status()).toBe(404);
});

test.describe('a reader without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an address with nothing there shows the 404 page, not a blank one', async ({ page }) => {
    for (const address of [
      permalinkOf(0, 'no-such-story'),
      '/label/no-such-label',
      '/author/nobody-here',
      '/page/999',
      '/2019/13',
    ]) {
      expect((await page.goto(address))?.status(), address).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), address).toHaveText('Page not found');
      await expect(page.getByRole('link', { name: 'Back to the latest news' }), address).toBeVisible();
    }
  });
});

async function parseXml(page: Page, xml: string) {
  // The browser's own XML parser: a malformed document yields a <parsererror>.
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      links: [...doc.querySelectorAll('item > link, url > loc')].map((el) => el.textContent ?? ''),
      contents: [...doc.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')].map(
        (el) => el.textContent ?? '',
      ),
      root: doc.documentElement.nodeName,
    };
  }, xml);
}

test('the feed and the sitemap parse and list only published posts', async ({ page, request }) => {
  await page.goto('/');
  const feed = await request.get('/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/rss+xml');
  const rss = await parseXml(page, await feed.text());
  expect(rss.error).toBe(false);
  expect(rss.root).toBe('rss');
  expect(rss.links.map((link) => link.split('/').pop()).sort()).toEqual(published.map((p) => p.slug).sort());
  // Each item carries its whole post, as the demo's settings say (the default), for reading in the feed reader.
  expect(rss.contents).toHaveLength(published.length);
  expect(rss.contents[0]).toContain('The Ledger will report on progress as the work continues.');
  expect(rss.contents[0]).toContain('<a href="https://example.org/harbour-board/east-wall"');

  const sitemap = await parseXml(page, await (await request.get('/sitemap.xml')).text());
  expect(sitemap.error).toBe(false);
  const postSlugs = sitemap.links
    .filter((link) => /\/\d{4}\/\d{2}\/[^/]+$/.test(link))
    .map((link) => link.split('/').pop());
  expect(postSlugs.sort()).toEqual(published.map((p) => p.slug).sort());
  for (const post of hidden) expect(sitemap.links.join(' ')).not.toContain(post.slug);
  expect(sitemap.links.some((link) => /\/archive\/\d{4}$/.test(link))).toBe(true);

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /dashboard');
  expect(robots).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
});

test('a reader follows one label by RSS: its feed lists the published posts with that label, and no others', async ({
  page,
  request,
}) => {
  // The scheduled post is labelled Culture too: the feed must leave it out.
  const label = 'Culture';
  expect(hidden.some((post) => post.labels.includes(label))).toBe(true);
  const feedPath = '/label/culture/feed.xml';
  await page.goto('/label/culture');
  await expect(page.getByRole('link', { name: `Follow ${label} by RSS` })).toHaveAttribute('href', feedPath);
  // Feed readers find both feeds from the page itself.
  const feedLinks = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
  await expect(feedLinks).toHaveCount(2);
  await expect(feedLinks.nth(1)).toHaveAttribute('href', new RegExp(`${feedPath}$`));
  await expect(feedLinks.nth(1)).toHaveAttribute('title', label);

  const feed = await request.get(feedPath);
  expect(feed.headers()['content-type']).toContain('application/rss+xml');
  const text = await feed.text();
  const rss = await parseXml(page, text);
  expect(rss.error).toBe(false);
  const expected = published.filter((post) => post.labels.includes(label)).map((post) => post.slug);
  expect(rss.links.map((link) => link.split('/').pop()).sort()).toEqual(expected.sort());
  expect(text).toContain(`<title>The Harbour Ledger: ${label}</title>`);

  expect((await request.get('/label/no-such-label/feed.xml')).status()).toBe(404);
});

test('old .html permalinks redirect permanently', async ({ request }) => {
  const permalink = permalinkOf(newest.daysAgo, newest.slug);
  const response = await request.get(`${permalink}.html`, { maxRedirects: 0 });
  expect(response.status()).toBe(301);
  expect(response.headers().location).toBe(permalink);
});

test('article pages are static: prerendered at build, then served from the cache', async ({ request }) => {
  const manifest = JSON.parse(fs.readFileSync(path.join('.next-e2e', 'prerender-manifest.json'), 'utf8'));
  expect(manifest.dynamicRoutes['/[year]/[month]/[slug]']).toBeDefined();
  const permalink = permalinkOf(newest.daysAgo, newest.slug);
  expect(Object.keys(manifest.routes)).toContain(permalink);

  // An old post that was not prerendered is rendered on its first visit and cached for the next.
  const oldest = published.at(-1)!;
  const first = await request.get(permalinkOf(oldest.daysAgo, oldest.slug));
  expect(first.status()).toBe(200);
  const second = await request.get(permalinkOf(oldest.daysAgo, oldest.slug));
  expect(second.headers()['x-nextjs-cache']).toBe('HIT');
  expect((await request.get(permalink)).headers()['x-nextjs-cache']).toBe('HIT');
});

test('each page has its own title, description, canonical and Open Graph tags', async ({ page }) => {
  const permalink = permalinkOf(newest.daysAgo, newest.slug);
  await page.goto(permalink);
  await expect(page).toHaveTitle(`${newest.title} | The Harbour Ledger`);
  const head = page.locator('head');
  await expect(head.locator('meta[name="description"]')).toHaveAttribute('content', newest.excerpt);
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${permalink}$`));
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', newest.title);
  await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    /\/feed\.xml$/,
  );

  await page.goto(`/label/${newest.labels[0].toLowerCase().replace(/ /g, '-')}`);
  await expect(page).toHaveTitle(`${newest.labels[0]} | The Harbour Ledger`);
});

test('an article tells search engines what it is: schema.org NewsArticle, the same facts as the page', async ({
  page,
}) => {
  const permalink = permalinkOf(newest.daysAgo, newest.slug);
  await page.goto(permalink);
  const scripts = page.locator('script[type="application/ld+json"]');
  await expect(scripts).toHaveCount(1);
  const data = JSON.parse((await scripts.textContent())!);
  const head = page.locator('head');
  expect(data).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: newest.title,
    description: newest.excerpt,
    mainEntityOfPage: await head.locator('link[rel="canonical"]').getAttribute('href'),
    image: [await head.locator('meta[property="og:image"]').getAttribute('content')],
    datePublished: await page.locator('.post-meta time').getAttribute('datetime'),
    dateModified: await head.locator('meta[property="article:modified_time"]').getAttribute('content'),
    author: [
      { '@type': 'Person', name: 'Maya Okafor', url: expect.stringMatching(/^https?:\/\/[^/]+\/author\/maya-okafor$/) },
    ],
    publisher: { '@type': 'Organization', name: 'The Harbour Ledger' },
    keywords: newest.labels,
  });
  expect(data.mainEntityOfPage).toMatch(new RegExp(`^https?://[^/]+${permalink}$`));

  // Listings are not articles.
  await page.goto('/');
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
});
