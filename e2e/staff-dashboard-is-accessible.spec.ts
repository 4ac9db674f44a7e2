import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { openEditor, signInAs } from './fixtures';

// One test per page, each with its own timeout (all of them in one test outlasted it on a slow machine), in one
// signed-in browser page: signing in for each would double the time.
test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  page = await context.newPage();
  await signInAs(page, 'admin');
});
test.afterAll(() => context.close());

for (const path of [
  '/dashboard/posts',
  '/dashboard/posts/new',
  '/dashboard/comments',
  '/dashboard/people',
  '/dashboard/settings',
  '/dashboard/profile',
  '/dashboard/ads',
  '/dashboard/ads/slots',
  '/dashboard/ads/slots/new',
  '/dashboard/pages',
  '/dashboard/redirects',
  '/dashboard/settings/menu',
  '/dashboard/import',
  '/dashboard/export',
  '/dashboard/subscribers',
]) {
  test(`${path} has no accessibility violations`, async () => {
    if (path === '/dashboard/posts/new') await openEditor(page, path);
    else await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
