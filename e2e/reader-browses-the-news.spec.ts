import { expect, test, type Page } from '@playwright/test';
import { approvedCount, newest, permalinkOf, published } from './demo';

const perPage = 6;

async function dateHeaders(page: Page): Promise<Date[]> {
  const texts = await page.locator('main section > h2').allTextContents();
  return texts.map((text) => new Date(`${text} UTC`));
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a reader with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('reads the home page: date headers, posts in order, comment counts, paging', async ({ page }) => {
      await page.goto('/');
      const headers = await dateHeaders(page);
      expect(headers.length).toBeGreaterThan(1);
      for (const header of headers) expect(header.getTime()).not.toBeNaN();
      for (let i = 1; i < headers.length; i++) expect(headers[i - 1].getTime()).toBeGreaterThan(headers[i].getTime());
      await expect(page.locator('main section > h2').first()).toHaveText(
        /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}$/,
      );

      const titles = page.locator('main article h3');
      await expect(titles).toHaveCount(perPage);
      await expect(titles).toHaveText(published.slice(0, perPage).map((post) => post.title));

      const first = page.locator('main article').first();
      await expect(
        first.getByRole('link', { name: `${approvedCount(newest)} comments on ${newest.title}` }),
      ).toBeVisible();
      await expect(page.getByRole('link', { name: /^No comments on / }).first()).toBeVisible();

      await page.getByRole('link', { name: 'Older posts →' }).click();
      await expect(page).toHaveURL(/\/page\/2$/);
      await expect(page.locator('main article h3')).toHaveText(
        published.slice(perPage, perPage * 2).map((post) => post.title),
      );
      await page.getByRole('link', { name: '← Newer posts' }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.locator('main article h3').first()).toHaveText(newest.title);
    });

    test('opens an article and reads its comments', async ({ page }) => {
      await page.goto('/');
      await page.getByRole('link', { name: newest.title, exact: true }).click();
      await expect(page).toHaveURL(/\/\d{4}\/\d{2}\/[a-z0-9-]+$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title);
      await expect(page.getByRole('link', { name: 'Maya Okafor' }).first()).toBeVisible();
      for (const label of newest.labels)
        await expect(page.locator('main').getByRole('link', { name: label, exact: true })).toBeVisible();

      const comments = page.locator('#comments');
      await expect(comments.getByRole('heading', { level: 2 })).toContainText(`${approvedCount(newest)} comments`);
      await expect(comments.getByRole('link', { name: 'Write comments' })).toHaveAttribute('href', '#write-comment');
      const approved = newest.comments!.filter((c) => c.status === 'approved');
      const pending = newest.comments!.find((c) => c.status === 'pending')!;
      await expect(comments.locator('article')).toHaveCount(approvedCount(newest));
      await expect(comments).not.toContainText(pending.body.slice(0, 30));
      // The reply sits inside its parent's list item.
      const reply = approved[0].replies![0];
      const parentItem = comments.locator('> ol > li').first();
      await expect(parentItem.locator('ol article')).toContainText(reply.name);
    });

    test('walks from article to article with Newer post and Older post', async ({ page }) => {
      const title = page.getByRole('heading', { level: 1 });
      const pager = page.getByRole('navigation', { name: 'Newer and older posts' });
      await page.goto(permalinkOf(newest.daysAgo, newest.slug));
      // The scheduled post and the draft are newer, and not out: the newest article links to nothing newer.
      await expect(pager.getByRole('link', { name: '← Newer post' })).toHaveCount(0);
      await pager.getByRole('link', { name: 'Older post →' }).click();
      await expect(title).toHaveText(published[1].title);
      await pager.getByRole('link', { name: 'Older post →' }).click();
      await expect(title).toHaveText(published[2].title);
      await pager.getByRole('link', { name: '← Newer post' }).click();
      await expect(title).toHaveText(published[1].title);

      const [beforeOldest, oldest] = published.slice(-2);
      await page.goto(permalinkOf(oldest.daysAgo, oldest.slug));
      await expect(pager.getByRole('link', { name: 'Older post →' })).toHaveCount(0);
      await expect(pager.getByRole('link', { name: '← Newer post' })).toHaveAttribute(
        'href',
        permalinkOf(beforeOldest.daysAgo, beforeOldest.slug),
      );
      await pager.getByRole('link', { name: 'Home' }).click();
      await expect(page).toHaveURL(/\/$/);
    });

    test('follows a label and the archive from the sidebar', async ({ page }) => {
      await page.goto('/');
      const label = newest.labels[0];
      await page
        .getByRole('complementary')
        .getByRole('link', { name: new RegExp(`^${label} \\(\\d+\\)$`) })
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Posts labelled ${label}`);
      const withLabel = published.filter((post) => post.labels.includes(label));
      await expect(page.locator('main article h3')).toHaveText(withLabel.slice(0, perPage).map((post) => post.title));

      await page.goto('/');
      const archive = page.getByRole('complementary').getByRole('region', { name: 'Blog Archive' });
      const month = archive.getByRole('link').first();
      const monthName = await month.textContent();
      await month.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Posts from ${monthName}`);
      await expect(page.locator('main article').first()).toBeVisible();
    });

    test('reads a year of the archive: its months at the top, its posts in pages', async ({ page }) => {
      const year = Number(permalinkOf(newest.daysAgo, newest.slug).split('/')[1]);
      const ofYear = published.filter((post) => Number(permalinkOf(post.daysAgo, post.slug).split('/')[1]) === year);
      await page.goto(`/archive/${year}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Posts from ${year}`);
      await expect(page.locator('main article h3')).toHaveText(ofYear.slice(0, perPage).map((post) => post.title));
      const months = page.getByRole('navigation', { name: `Months of ${year}` }).getByRole('link');
      await expect(months.first()).toHaveText(new RegExp(`^[A-Z][a-z]+ ${year}$`));
      const monthName = await months.first().textContent();
      await months.first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Posts from ${monthName}`);
      if (ofYear.length > perPage) {
        await page.goto(`/archive/${year}/page/2`);
        await expect(page.locator('main article h3').first()).toHaveText(ofYear[perPage].title);
      }
      expect((await page.goto('/archive/20x6'))!.status()).toBe(404);
    });

    test('sees one sponsored ad per slot in a fixed box, whose click is counted and leads to the advertiser, and Buy AdSpace', async ({
      page,
      request,
    }) => {
      await page.goto('/');
      const sidebar = page.getByRole('complementary');
      const slots = sidebar.locator('[data-slot]');
      await expect(slots).toHaveCount(2);
      for (const slot of await slots.all()) {
        await expect(slot.getByText('Advertisement')).toBeVisible();
        const shown = slot.locator('a[data-ad]:visible');
        await expect(shown).toHaveCount(1);
        await expect(shown).toHaveAttribute('rel', 'sponsored noopener');
        // The link carries the click token the page was rendered with (a click without one is not counted).
        await expect(shown).toHaveAttribute('href', /^\/ads\/click\/\d+\?t=[0-9a-z]+\.[\w-]+$/);
        await expect(shown.locator('img').first()).toHaveAttribute('alt', /.+/);
        // Without JavaScript the shown ad carries a lazy pixel that counts a served impression.
        await expect(shown.locator('img[src^="/api/ads/served/"]')).toHaveCount(javaScriptEnabled ? 0 : 1);
        const box = await shown.boundingBox();
        expect(box?.width).toBe(300);
        expect(box?.height).toBe(250);
        const click = await request.get((await shown.getAttribute('href'))!, { maxRedirects: 0 });
        expect(click.status()).toBe(302);
        expect(click.headers().location).toMatch(/^https:\/\/example\.(com|org)\//);
      }
      await sidebar.getByRole('link', { name: 'Buy AdSpace' }).click();
      await expect(page).toHaveURL(/\/advertise$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buy AdSpace');
    });
  });
}

test('a page view asks the server for nothing but the page: links are plain, nothing is prefetched', async ({
  page,
}) => {
  // next/link would fetch the RSC payload of every linked page in view; those requests pass nginx's micro-cache
  // (they carry the RSC header), so each reader's page view would reach Node a dozen more times.
  const flightRequests: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['rsc'] || request.url().includes('_rsc=')) flightRequests.push(request.url());
  });
  for (const path of ['/', permalinkOf(newest.daysAgo, newest.slug), '/page/2']) {
    await page.goto(path);
    await page.mouse.wheel(0, 4000);
    await page.locator('main a').first().hover();
    await page.waitForTimeout(1500);
  }
  expect(flightRequests).toEqual([]);
});

test('an article view sends nothing to the server for the comment form until the reader reaches it', async ({
  page,
}) => {
  // The page is cached; these are not. Fetched on load, they would bring every reader's view to Node.
  await page.setViewportSize({ width: 390, height: 844 });
  const formRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/(comments|auth)\//.test(request.url())) formRequests.push(new URL(request.url()).pathname);
  });
  await page.goto(permalinkOf(newest.daysAgo, newest.slug), { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  expect(formRequests).toEqual([]);

  const tokenAnswered = page.waitForResponse((response) => response.url().endsWith('/api/comments/token'));
  await page.getByRole('button', { name: 'Post comment' }).scrollIntoViewIfNeeded();
  expect((await tokenAnswered).ok()).toBe(true);
  await expect
    .poll(() => formRequests.sort())
    .toEqual(['/api/auth/session', '/api/comments/seen', '/api/comments/token']);
});

/** Every script the home page and the newest article load in Chromium, with its text. */
async function readerScripts(page: Page): Promise<Map<string, string>> {
  const urls = new Set<string>();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.add(request.url());
  });
  for (const path of ['/', permalinkOf(newest.daysAgo, newest.slug)])
    await page.goto(path, { waitUntil: 'networkidle' });
  expect(urls.size).toBeGreaterThan(3);
  const scripts = new Map<string, string>();
  for (const url of urls) scripts.set(url, await (await page.request.get(url)).text());
  return scripts;
}

test('every script an article or the home page runs on load comes with V8’s compile hint', async ({ page }) => {
  // Without it the phone compiles React and Next's runtime on the main thread as hydration first calls them
  // (scripts/compile-hints.ts); nomodule polyfills are never run, so they are not marked.
  for (const [url, text] of await readerScripts(page)) {
    expect(`${url}: ${text.split('\n', 1)[0]}`).toBe(`${url}: //# allFunctionsCalledOnLoad`);
  }
});

test('reader pages load no code for links and images: they are plain HTML', async ({ page }) => {
  // next/link and next/image are client components. Used in a reader's page, or in the forbidden and unauthorized
  // pages that Next puts in every page's payload, their code would load and hydrate on every page view.
  for (const [url, text] of await readerScripts(page)) {
    expect(text.includes('useLinkStatus'), `${url} holds next/link`).toBe(false);
    expect(text.includes('data-nimg'), `${url} holds next/image`).toBe(false);
  }
});
