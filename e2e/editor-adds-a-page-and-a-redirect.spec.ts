import { expect, test, type Page } from '@playwright/test';
import { openEditor, publishNewPost, signInAs, thisMonth, unique } from './fixtures';

/** Desktop and phone screenshots, when SCREENSHOTS_DIR asks for them (to look at the pages, not to compare). */
async function snap(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${dir}/desktop-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${dir}/phone-${name}.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

/**
 * The status and Location of an address, without following it. Next 16.4 repeats the Location of a redirect a page
 * renders (the same value twice, which browsers accept; see stranger-cannot-fill-the-page-cache): fetch joins them
 * with a comma, so each is read, and they must agree.
 */
async function answer(baseURL: string, path: string) {
  const response = await fetch(baseURL + path, { redirect: 'manual' });
  const locations = new Set(
    (response.headers.get('location') ?? '')
      .split(/,\s*/)
      .filter(Boolean)
      .map((location) => new URL(location, baseURL).pathname),
  );
  expect(locations.size, `one Location for ${path}`).toBeLessThanOrEqual(1);
  return { status: response.status, to: [...locations][0] ?? null };
}

test('an editor publishes an About page, puts it in the menu, and old addresses lead to new ones', async ({
  page,
  baseURL,
}) => {
  await signInAs(page, 'editor');
  // Its own title and slug: the import spec brings a Blogger site's "about" page into the same database.
  const title = `About ${unique()}`;
  const slug = title.toLowerCase().replace(/ /g, '-');

  // A page, from the dashboard's list.
  await page.goto('/dashboard/pages');
  await page.getByRole('link', { name: 'New page' }).click();
  await openEditor(page, '/dashboard/pages/new');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type('We are a newsroom of six in the harbour town.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/dashboard\/pages\/\d+\?saved=publish$/);
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  await page.goto('/dashboard/pages');
  await expect(page.getByRole('row').filter({ hasText: `/p/${slug}` })).toContainText('Published');
  await snap(page, 'dashboard-pages');

  // Readers see it at /p/about in the site's frame; Blogger's /p/about.html form answers 301.
  await page.goto(`/p/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('We are a newsroom of six');
  expect(await answer(baseURL!, `/p/${slug}.html`)).toEqual({ status: 301, to: `/p/${slug}` });
  expect((await answer(baseURL!, '/p/no-such-page')).status).toBe(404);

  // Into the header menu, second: the order comes from the number fields.
  await page.goto('/dashboard/settings/menu');
  const row = page.getByRole('listitem').nth(4);
  await row.getByLabel('Position').fill('2');
  await row.getByLabel('Link text').fill('About us');
  await row.getByLabel('Links to').selectOption({ label: title });
  await page.getByRole('button', { name: 'Save menu' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Menu saved' })).toBeVisible();
  await snap(page, 'menu-editor');
  await page.goto(`/p/${slug}`);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'Home',
    'About us',
    'Search',
    'Advertise',
    'RSS feed',
  ]);
  await snap(page, 'page-about');

  // A redirect added by hand, and one from a pasted CSV (whose bad line is named), answer with the new address.
  const old = `/old-about-${unique()}/`;
  await page.goto('/dashboard/redirects');
  await page.getByLabel('Old address').fill(old);
  await page.getByLabel('New address').fill(`/p/${slug}`);
  await page.getByRole('button', { name: 'Add redirect' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Redirect saved' })).toBeVisible();
  await page.getByLabel('Or paste its rows').fill(`/?p=4242,/p/${slug}\nnot an address,/p/${slug}`);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Imported 1 redirect.');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Line 2:');
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: '/?p=4242' })).toBeVisible();
  await snap(page, 'dashboard-redirects');
  // Every old address answers 301: with its slash in one hop, without it from the page on the way to a 404, the
  // home page's query from its route.
  expect(await answer(baseURL!, old)).toEqual({ status: 301, to: `/p/${slug}` });
  expect(await answer(baseURL!, old.replace(/\/$/, ''))).toEqual({ status: 301, to: `/p/${slug}` });
  expect(await answer(baseURL!, '/?p=4242')).toEqual({ status: 301, to: `/p/${slug}` });
  expect(await answer(baseURL!, '/?p=4243')).toEqual({ status: 302, to: '/' });

  // A live post renamed: its old address leads to the new one.
  const post = `Quay lights ${unique()}`;
  await publishNewPost(page, { title: post, body: 'The quay lights are back.' });
  await expect(page).toHaveURL(/\/dashboard\/posts\/\d+/);
  const postSlug = post.toLowerCase().replace(/ /g, '-');
  expect((await answer(baseURL!, `${thisMonth()}/${postSlug}`)).status).toBe(200);
  await page.getByLabel('Slug').fill(`${postSlug}-renamed`);
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible();
  expect(await answer(baseURL!, `${thisMonth()}/${postSlug}`)).toEqual({
    status: 301,
    to: `${thisMonth()}/${postSlug}-renamed`,
  });
  expect((await answer(baseURL!, `${thisMonth()}/${postSlug}-renamed`)).status).toBe(200);
});
