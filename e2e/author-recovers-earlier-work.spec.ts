import { expect, test } from '@playwright/test';
import { openEditor, publishNewPost, signInAs, thisMonth, unique } from './fixtures';

test('a draft autosaves while the author types', async ({ page }) => {
  await signInAs(page, 'author');
  await openEditor(page, '/dashboard/posts/new');
  const title = `Autosaved ${unique()}`;
  await page.getByLabel('Title').fill(title);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('Words that must not be lost.');
  await expect(page.getByText(/Draft autosaved at/)).toBeVisible({ timeout: 10_000 });
  await page.goto('/dashboard/posts?status=draft');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(title);
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText('Words that must not be lost.');
});

test('an earlier version is kept, compared and restored; a trashed post can come back', async ({ page }) => {
  const title = `Harbour dues ${unique()}`;
  await signInAs(page, 'editor');
  await publishNewPost(page, { title, body: 'Dues rise by two percent.' });
  await expect(page).toHaveURL(/\/dashboard\/posts\/\d+/);
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();

  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Dues rise by five percent.');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible();

  await page.getByRole('link', { name: 'History' }).click();
  const version = page.getByRole('listitem').filter({ hasText: 'Version saved before' });
  await expect(version).toHaveCount(1);
  await expect(version).toContainText('removed: Dues rise by two percent.');
  await expect(version).toContainText('added: Dues rise by five percent.');
  await version.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The earlier version is back.' })).toBeVisible();
  const slug = await page.getByLabel('Slug').inputValue();
  await page.goto(`${thisMonth()}/${slug}`);
  await expect(page.getByText('Dues rise by two percent.')).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByText('Moved to the trash.')).toBeVisible();
  expect((await page.goto(`${thisMonth()}/${slug}`))?.status()).toBe(404);

  await page.goto('/dashboard/posts?status=trash');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Restore from trash' }).click();
  await expect(page.getByRole('button', { name: 'Move to trash' })).toBeVisible();
  expect((await page.goto(`${thisMonth()}/${slug}`))?.status()).toBe(200);
});

test('an edit made before the editor’s scripts have loaded is saved, not lost', async ({ page }) => {
  // On a slow connection an author can type and press Update while the page is still plain HTML: the form then
  // posts natively, and what was typed must be what is saved.
  const title = `Quay lights relit ${unique()}`;
  await signInAs(page, 'editor');
  await publishNewPost(page, { title, body: 'All twelve lamps are lit again.' });
  await expect(page).toHaveURL(/\/dashboard\/posts\/\d+/);
  const editor = new URL(page.url()).pathname;

  const scripts = '**/_next/static/chunks/**/*.js';
  await page.route(scripts, () => {}); // held: never answered while this route is in place
  await page.goto(editor, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
  await page.getByLabel('Title').fill(`${title} (edited)`);
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updated: the live post shows the change.' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue(`${title} (edited)`);

  await page.unroute(scripts);
  await openEditor(page, editor);
  await expect(page.getByLabel('Title')).toHaveValue(`${title} (edited)`);
});
