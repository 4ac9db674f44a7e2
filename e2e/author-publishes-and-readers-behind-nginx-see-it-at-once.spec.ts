import { expect, test } from '@playwright/test';
import { freePort } from '../bench/load';
import { renderDeployConfig, startNginx, type Nginx } from '../bench/nginx';
import { publishNewPost, signInAs, thisMonth, unique } from './fixtures';

/**
 * The deployment of deploy/nginx.conf: readers reach the site through nginx's micro-cache, and the server (started
 * with CACHE_REFRESH_URL at this nginx's refresh listener) asks nginx for fresh copies of the pages a change shows
 * on. nginx keeps its copies for an hour here instead of a second, so a page that changes can only have been
 * refreshed by Broadsheet.
 */
// One worker for the file's tests: its nginx listens on the one refresh port the server knows (E2E_REFRESH_PORT).
test.describe.configure({ mode: 'default' });

let nginx: Nginx;
let readerBase: string;

test.beforeAll(async () => {
  const listenPort = await freePort();
  readerBase = `http://127.0.0.1:${listenPort}`;
  nginx = await startNginx(
    (dir) => {
      const shipped = renderDeployConfig({
        cacheDir: `${dir}/cache`,
        upstreamPort: Number(process.env.E2E_PORT),
        listenPort,
        refreshPort: Number(process.env.E2E_REFRESH_PORT),
      });
      const anHour = shipped.replace('proxy_cache_valid 200 301 308 404 1s;', 'proxy_cache_valid 200 301 308 404 1h;');
      expect(anHour).not.toBe(shipped);
      return anHour;
    },
    [`${readerBase}/robots.txt`],
  );
});

test.afterAll(async () => {
  await nginx?.stop();
});

test('an author publishes and a reader behind nginx sees the post at once', async ({ page, browser }) => {
  const reader = await browser.newContext({ baseURL: readerBase });
  const readerPage = await reader.newPage();
  await readerPage.goto('/');
  expect((await readerPage.request.get('/')).headers()['x-micro-cache']).toBe('HIT');

  const title = `Lifeboat open day ${unique()}`;
  await signInAs(page, 'author');
  await publishNewPost(page, { title, body: 'Visitors can tour the station on Saturday.' });
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const slug = await page.getByLabel('Slug').inputValue();

  // The front page nginx holds for an hour shows the post, and so does the article, through nginx.
  await expect(async () => {
    await readerPage.reload();
    await expect(readerPage.locator('main article h3').filter({ hasText: title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await readerPage.goto(`${thisMonth()}/${slug}`);
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(title);
  expect((await readerPage.request.get(`${thisMonth()}/${slug}`)).headers()['x-micro-cache']).toBe('HIT');
  await reader.close();
});

test('a page rendered per request is never shared through nginx: each reader gets a script nonce of their own', async ({
  request,
}) => {
  const search = async () => {
    const answer = await request.get(`${readerBase}/search?q=harbour`);
    expect(answer.status()).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(answer.headers()['content-security-policy'] ?? '')?.[1];
    return { nonce, cache: answer.headers()['x-micro-cache'] };
  };
  const first = await search();
  const second = await search();
  expect(first.nonce).toBeTruthy();
  expect(second.nonce).not.toBe(first.nonce);
  expect(second.cache).not.toBe('HIT');
});
