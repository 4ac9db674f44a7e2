import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { unique } from './fixtures';

// The e2e server's build (scripts/e2e-server.ts): Next keeps rendered pages under route-cache, one folder per
// route, and cached reads under fetch-cache.
const distDir = '.next-e2e';
const routeCache = path.join(distDir, 'server', 'route-cache', 'APP_PAGE');
const fetchCache = path.join(distDir, 'cache', 'fetch-cache');

/** The files Next keeps for an address: `<address>.html`, `.rsc`, `.meta` and `.segments` in its route's folder. */
function pageFilesOf(address: string): string[] {
  return fs.readdirSync(routeCache).flatMap((route) => {
    const base = path.join(routeCache, route, '$', ...address.split('/').filter(Boolean));
    const folder = path.dirname(base);
    if (!fs.existsSync(folder)) return [];
    return fs.readdirSync(folder).filter((name) => name.startsWith(`${path.basename(base)}.`));
  });
}

/** Cached reads tagged with a slug, such as the empty read behind an unknown label. */
function readsTagged(tag: string): string[] {
  return fs
    .readdirSync(fetchCache)
    .filter((name) => fs.readFileSync(path.join(fetchCache, name), 'utf8').includes(`"${tag}"`));
}

test('unknown addresses get the 404 page and leave no files behind; pages that exist are still cached', async ({
  page,
  request,
}) => {
  const slug = `no-such-${unique()}`;
  const probes = [
    `/2019/03/${slug}`,
    `/wp-admin/${slug}/setup-config`,
    `/label/${slug}`,
    `/author/${slug}`,
    `/${slug}/13`,
  ];
  for (const probe of probes) {
    expect((await page.goto(probe))?.status(), probe).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), probe).toHaveText('Page not found');
  }
  expect((await request.get(`/label/${slug}/feed.xml`)).status()).toBe(404);
  // A page found on its first visit (listing pages are rendered on demand), for comparison.
  expect((await page.goto('/page/2'))?.status()).toBe(200);
  // Next writes its cache after it answers.
  await expect.poll(() => pageFilesOf('/page/2')).toContain('2.html');

  for (const probe of probes) expect(pageFilesOf(probe), probe).toEqual([]);
  for (const kind of ['post', 'label', 'author']) expect(readsTagged(`${kind}:${slug}`), kind).toEqual([]);
});
