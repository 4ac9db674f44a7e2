import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signInAs, unique, type Role } from './fixtures';
import { sessionCookie } from './server-actions';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'lib', 'import', 'fixtures', name);
const shots = path.join(import.meta.dirname, '..', 'test-results', 'import-screens');

// The whole flow without JavaScript: the form is a plain multipart POST to the upload route, then a redirect.
test.use({ javaScriptEnabled: false });
// One import runs at a time (a second upload is refused as busy): the tests that start one go one after another.
test.describe.configure({ mode: 'serial' });

/** Uploads a file at /dashboard/import and waits (the page refreshes itself while it runs) for how it ended. */
async function importFile(page: Page, file: string, ending: RegExp) {
  await page.goto('/dashboard/import');
  await page.getByLabel('Export file').setInputFiles(file.includes('/') ? file : fixture(file));
  await page.getByLabel('Images').selectOption('no');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(async () => {
    await page.goto('/dashboard/import');
    await expect(page.getByText(ending)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
}

async function screenshots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Posts a file to the upload route as the import form does, with only the cookie and Origin given (Node's fetch
 * sends no Origin of its own); the answer's status and where it sends the browser.
 */
async function upload(baseURL: string, { cookie, origin }: { cookie?: string; origin?: string }) {
  const form = new FormData();
  form.append('media', 'no');
  const bytes = fs.readFileSync(fixture('not-an-export.xml'));
  form.append('file', new Blob([bytes], { type: 'text/xml' }), 'not-an-export.xml');
  const headers: Record<string, string> = { ...(cookie && { cookie }), ...(origin && { origin }) };
  const answer = await fetch(`${baseURL}/api/import`, { method: 'POST', body: form, headers, redirect: 'manual' });
  return { status: answer.status, location: answer.headers.get('location') };
}

test('the upload route takes a file only from an admin, sent from a page of this site', async ({ page, baseURL }) => {
  const own = new URL(baseURL!).origin;
  const as = (role: Role) => sessionCookie(baseURL!, `${role}@broadsheet.test`);
  expect((await upload(baseURL!, { origin: own })).status).toBe(401);
  expect((await upload(baseURL!, { cookie: await as('editor'), origin: own })).status).toBe(403);
  expect((await upload(baseURL!, { cookie: await as('author'), origin: own })).status).toBe(403);
  // An admin's session sent by another site's page (cross-site request forgery), or by something that is not a
  // browser's form: refused.
  const admin = await as('admin');
  expect((await upload(baseURL!, { cookie: admin, origin: 'https://elsewhere.example' })).status).toBe(403);
  expect((await upload(baseURL!, { cookie: admin, origin: 'null' })).status).toBe(403);
  expect((await upload(baseURL!, { cookie: admin })).status).toBe(403);
  // None of those started an import.
  await signInAs(page, 'admin');
  await page.goto('/dashboard/import');
  await expect(page.getByText('not-an-export.xml')).toHaveCount(0);

  expect(await upload(baseURL!, { cookie: admin, origin: own })).toEqual({
    status: 303,
    location: '/dashboard/import?started=1',
  });
  // The file was taken, and its import refuses it (it is not an export); once it has, the next import may start.
  await expect(async () => {
    await page.goto('/dashboard/import');
    await expect(page.getByText(/Expected a Blogger backup/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'The import failed (not-an-export.xml)' })).toBeVisible();
});

test('an admin imports a Blogger backup and readers find its posts with their comments', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'admin');
  await page.goto('/dashboard/import');
  await expect(page.getByRole('heading', { name: 'Import', exact: true })).toBeVisible();
  await screenshots(page, 'import-form');

  await importFile(page, 'blogger-current.xml', /^Imported 4 posts, 1 page, 3 comments/);
  await expect(page.getByRole('heading', { name: 'Import finished: blogger-current.xml' })).toBeVisible();
  await expect(page.getByText('post “Posted by mistake”: deleted or in the trash on the old site')).toBeVisible();
  await screenshots(page, 'import-result');

  // The post lives at its Blogger month and slug, with its labels and its approved comments, threaded; not the spam.
  await page.goto('/2018/10/harbour-wall-to-be-rebuilt');
  await expect(page.getByRole('heading', { name: 'Harbour wall to be rebuilt', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Council' }).first()).toBeVisible();
  await expect(page.getByText('About time! The wall has been crumbling for years.')).toBeVisible();
  await expect(page.getByText('Thanks Jo, we will follow the works.')).toBeVisible();
  await expect(page.getByText('Buy watches')).toHaveCount(0);
  // Its link to the other imported post leads to that post's new address.
  await page.getByRole('link', { name: 'the storm' }).click();
  await expect(page).toHaveURL(/\/2018\/09\/storm-damage$/);
  await expect(page.getByRole('heading', { name: 'Storm damage along the front', level: 1 })).toBeVisible();

  // Blogger's own address of the post answers 301 with the new one.
  const old = await page.request.get('/2018/10/harbour-wall-to-be-rebuilt.html', { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toBe('/2018/10/harbour-wall-to-be-rebuilt');

  // The same file again adds nothing; sent padded past 8 MB (the server actions' limit, which the upload route is
  // not held to), as real exports often are.
  fs.mkdirSync(shots, { recursive: true });
  const padded = path.join(shots, 'blogger-current-padded.xml');
  fs.writeFileSync(
    padded,
    `${fs.readFileSync(fixture('blogger-current.xml'), 'utf8')}\n<!-- ${'x'.repeat(9 << 20)} -->\n`,
  );
  await importFile(page, padded, /^Imported 0 posts, 0 pages, 0 comments, 0 labels, 0 authors/);

  // A truncated file is refused with the reason, and nothing of it is written.
  await importFile(page, 'truncated.xml', /not well-formed XML/);
  await expect(page.getByRole('alert').filter({ hasText: 'The import failed (truncated.xml)' })).toBeVisible();
});

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });

  test('a two-segment old address (a WordPress category) redirects, where the month archive would answer 404', async ({
    page,
  }) => {
    await signInAs(page, 'admin');
    const old = `/category/moved-${unique()}`;
    await page.goto('/dashboard/redirects');
    await page.getByLabel('Old address').fill(`${old}/`);
    await page.getByLabel('New address').fill('/label/harbour');
    await page.getByRole('button', { name: 'Add redirect' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Redirect saved' })).toBeVisible();
    // Found by the month page on its way to a 404, and before Next with WordPress's trailing slash: one hop, 301.
    for (const address of [old, `${old}/`]) {
      const moved = await page.request.get(address, { maxRedirects: 0 });
      expect(moved.status(), address).toBe(301);
      expect(moved.headers().location, address).toContain('/label/harbour');
    }
    expect((await page.request.get(`/category/not-${unique()}`, { maxRedirects: 0 })).status()).toBe(404);
  });
});
