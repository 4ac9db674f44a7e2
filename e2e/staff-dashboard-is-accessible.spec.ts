import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openEditor, signInAs } from './fixtures';

test('the main dashboard pages have no accessibility violations', async ({ page }) => {
  await signInAs(page, 'admin');
  for (const path of ['/dashboard/posts', '/dashboard/posts/new', '/dashboard/comments', '/dashboard/people', '/dashboard/settings', '/dashboard/profile', '/dashboard/ads', '/dashboard/ads/slots', '/dashboard/ads/slots/new']) {
    if (path === '/dashboard/posts/new') await openEditor(page, path);
    else await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
