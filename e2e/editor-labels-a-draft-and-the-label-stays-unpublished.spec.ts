import { expect, test } from '@playwright/test';
import { slugify } from '../lib/slug';
import { openEditor, signInAs, unique } from './fixtures';

test('a new label on a draft is a 404 for readers, page and feed, until a post with it goes out', async ({
  page,
  browser,
}) => {
  const label = `Mayor Resigns ${unique()}`;
  const labelPage = `/label/${slugify(label)}`;
  await signInAs(page, 'editor');
  await openEditor(page, '/dashboard/posts/new');
  await page.getByLabel('Title').fill(`Embargoed: ${label}`);
  await page.getByLabel('Labels').fill(label);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('Not for readers yet.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();

  const reader = await browser.newContext({ javaScriptEnabled: false });
  const readerPage = await reader.newPage();
  const answer = await readerPage.goto(labelPage);
  expect(answer?.status()).toBe(404);
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(await answer?.text()).not.toContain(label);
  const feed = await readerPage.request.get(`${labelPage}/feed.xml`);
  expect(feed.status()).toBe(404);
  expect(await feed.text()).not.toContain(label);

  // Published, the label is a page like any other.
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await expect.poll(async () => (await readerPage.goto(labelPage))?.status()).toBe(200);
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(`Posts labelled ${label}`);
  expect((await readerPage.request.get(`${labelPage}/feed.xml`)).status()).toBe(200);
  await reader.close();
});
