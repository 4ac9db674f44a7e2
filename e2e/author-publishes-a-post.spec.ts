import { expect, test, type Page } from '@playwright/test';
import { openEditor, signInAs, signOut, thisMonth, tinyPng, unique } from './fixtures';

/** The titles a reader's search for these words lists. */
async function searchTitles(page: Page, words: string): Promise<string[]> {
  await page.goto(`/search?q=${encodeURIComponent(words)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Search results for “${words}”`);
  return page.locator('main article h3').allTextContents();
}

test('an author writes, previews, publishes, edits and unpublishes a post', async ({ page, browser }) => {
  const token = unique();
  const title = `Ferry timetable changes ${token}`;
  await signInAs(page, 'author');
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'New post' }).click();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();

  await page.getByLabel('Title').fill(title);
  await expect(page.getByLabel('Slug')).toHaveValue(/^ferry-timetable-changes-/);
  await page.getByLabel('Excerpt').fill('The winter timetable starts on Monday.');
  // Authors pick among the site's labels (only editors add new ones).
  await page.getByLabel('Labels').fill('Harbour, Weather');
  await page
    .getByLabel('Cover image', { exact: true })
    .setInputFiles({ name: 'ferry.png', mimeType: 'image/png', buffer: tinyPng });
  await page.getByLabel('Cover alt text').fill('The ferry at the quay');
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.type('The first sailing leaves at seven.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/posts\/\d+/);

  // The share link works for someone with no account, in a fresh browser context.
  const previewUrl = await page.getByLabel('Preview link').inputValue();
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(previewUrl);
  await expect(strangerPage.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(strangerPage.getByText('The first sailing leaves at seven.')).toBeVisible();
  await expect(strangerPage.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  expect(await searchTitles(strangerPage, token)).toEqual([]);

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();

  // Live on the home page and at its permalink, with nobody rebuilding anything.
  const slug = await page.getByLabel('Slug').inputValue();
  await page.goto('/');
  await expect(page.locator('main article h3').filter({ hasText: title })).toBeVisible();
  await page.goto(`${thisMonth()}/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // The upload, resized by the image optimizer for each screen width, and shown.
  const cover = page.getByRole('img', { name: 'The ferry at the quay' });
  await expect(cover).toHaveAttribute('srcset', /\/_next\/image\?url=%2Fuploads%2F[^ ]+ 640w/);
  await expect
    .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.locator('main').getByRole('link', { name: 'Weather' })).toBeVisible();
  // The article before it, cached until now, links here as its newer post.
  const pager = page.getByRole('navigation', { name: 'Newer and older posts' });
  await pager.getByRole('link', { name: 'Older post →' }).click();
  await expect(pager.getByRole('link', { name: '← Newer post' })).toHaveAttribute('href', `${thisMonth()}/${slug}`);

  // Search finds it at once (search pages are not cached).
  expect(await searchTitles(strangerPage, token)).toEqual([title]);

  // Publishing revoked the preview link.
  expect((await strangerPage.goto(previewUrl))?.status()).toBe(404);
  await stranger.close();

  // An edit shows up at once.
  await page.goBack();
  await page.goto('/dashboard/posts');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await page.getByLabel('Title').fill(`${title} (updated)`);
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible();
  await page.goto(`${thisMonth()}/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} (updated)`);

  // Unpublished: gone.
  await page.goto('/dashboard/posts');
  await page.getByRole('link', { name: `${title} (updated)` }).click();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Unpublished' })).toBeVisible();
  expect((await page.goto(`${thisMonth()}/${slug}`))?.status()).toBe(404);
  await page.goto('/');
  await expect(page.locator('main')).not.toContainText(title);
  expect(await searchTitles(page, token)).toEqual([]);
});

test('a scheduled post appears by itself', async ({ page }) => {
  const title = `Tide alert ${unique()}`;
  await signInAs(page, 'author');
  await openEditor(page, '/dashboard/posts/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Excerpt').fill('Spring tides this weekend.');
  const at = new Date(Date.now() + 4000);
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  await page.getByLabel('Publish at').fill(local);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled.' })).toBeVisible();

  await expect(async () => {
    await page.goto('/');
    await expect(page.locator('main article h3').filter({ hasText: title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test('a contributor submits for review and an editor publishes', async ({ page }) => {
  const title = `Allotment show results ${unique()}`;
  await signInAs(page, 'contributor');
  await openEditor(page, '/dashboard/posts/new');
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Submitted for review' })).toBeVisible();
  await signOut(page);

  await signInAs(page, 'editor');
  await page.goto('/dashboard/posts?status=review');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await page.goto('/');
  await expect(page.locator('main article h3').filter({ hasText: title })).toBeVisible();
});

test('bad input gets a clear message and loses nothing', async ({ page }) => {
  await signInAs(page, 'author');
  await openEditor(page, '/dashboard/posts/new');
  await page.getByLabel('Excerpt').fill('An excerpt worth keeping.');
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('Body text worth keeping.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  // The browser's own check stops an empty title first; without it the server says the same.
  await page.getByLabel('Title').evaluate((input) => input.removeAttribute('required'));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not saved' })).toBeVisible();
  await expect(page.getByText('Give the post a title.')).toBeVisible();
  await expect(page.getByLabel('Excerpt')).toHaveValue('An excerpt worth keeping.');
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText('Body text worth keeping.');

  // A slug another post has.
  await page.getByLabel('Title').fill('Anything');
  await page.getByLabel('Slug').fill('harbour-wall-repairs-begin');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    page.getByText('Another post already uses this slug. Choose a different one.', { exact: true }),
  ).toBeVisible();
  await expect(page.getByLabel('Excerpt')).toHaveValue('An excerpt worth keeping.');

  // A file that is not an image, and one that is too big.
  await page.getByLabel('Slug').fill(`keeps-${unique()}`);
  await page
    .getByLabel('Cover image', { exact: true })
    .setInputFiles({ name: 'evil.png', mimeType: 'image/png', buffer: Buffer.from('<html>') });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Upload a JPEG, PNG, WebP or GIF image.')).toBeVisible();
  await page.getByLabel('Cover image', { exact: true }).setInputFiles({
    name: 'huge.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([tinyPng, Buffer.alloc(6 * 1024 * 1024)]),
  });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/the limit is 5 MB/)).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Anything');
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText('Body text worth keeping.');
});
