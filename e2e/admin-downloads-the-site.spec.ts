import fs from 'node:fs';
import zlib from 'node:zlib';
import { expect, test, type Download, type Page } from '@playwright/test';
import { signInAs } from './fixtures';
import { sessionCookie } from './server-actions';

/** Clicks a download link and reads the file the browser saved. */
async function download(page: Page, name: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { file, bytes: fs.readFileSync(await file.path()) };
}

test('an admin downloads the whole site and its WordPress export; no one else can', async ({ page, baseURL }) => {
  await signInAs(page, 'admin');
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Export' }).click();
  await expect(page.getByRole('heading', { name: 'Export', exact: true })).toBeVisible();

  // The archive: named after the site and the day, the site's content inside, and no password hash.
  const archive = await download(page, 'Download the archive');
  expect(archive.file.suggestedFilename()).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.tar\.gz$/);
  const tar = zlib.gunzipSync(archive.bytes).toString('utf8');
  expect(tar).toContain('"format":"broadsheet-archive"');
  expect(tar).toContain('"email":"maya@broadsheet.test"');
  expect(tar).toContain('"slug":"town-council"');
  expect(tar).not.toContain('$argon2');

  const wxr = await download(page, 'Download the WordPress export');
  expect(wxr.file.suggestedFilename()).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.xml$/);
  expect(wxr.bytes.toString('utf8')).toContain('<wp:wxr_version>1.2</wp:wxr_version>');

  // An editor has no Export link, and the page and both files answer 403 to them: the server checks, not the menu.
  const editor = await sessionCookie(baseURL!, 'editor@broadsheet.test');
  for (const path of ['/dashboard/export', '/dashboard/export/archive', '/dashboard/export/wxr']) {
    const refused = await fetch(baseURL + path, { headers: { cookie: editor }, redirect: 'manual' });
    expect(refused.status, path).toBe(403);
    expect(refused.headers.get('content-disposition'), path).toBeNull();
    // Signed out, the proxy sends the visitor to sign in.
    expect((await fetch(baseURL + path, { redirect: 'manual' })).status, path).toBe(307);
  }
  const dashboard = await fetch(`${baseURL}/dashboard`, { headers: { cookie: editor } });
  expect(await dashboard.text()).not.toContain('href="/dashboard/export"');
});
