import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { newest, permalinkOf } from './demo';

// Reader pages, checked before the newsroom's tests change anything (this file is in the reader project).
const pages = [
  ['home', '/'],
  ['article', permalinkOf(newest.daysAgo, newest.slug)],
  ['label', `/label/${newest.labels[0].toLowerCase().replace(/ /g, '-')}`],
  ['archive', permalinkOf(newest.daysAgo, newest.slug).split('/').slice(0, 3).join('/')],
  ['year', `/archive/${permalinkOf(newest.daysAgo, newest.slug).split('/')[1]}`],
  ['author', `/author/${newest.author}`],
  ['search', '/search?q=harbour'],
  ['search without a match', '/search?q=zeppelin'],
  ['advertise', '/advertise'],
  ['follow by email', '/follow'],
  ['follow a label by email', `/follow?label=${newest.labels[0].toLowerCase().replace(/ /g, '-')}`],
  ['sign-in', '/signin'],
  ['forgotten password', '/signin/reset'],
  ['reset link that no longer works', '/signin/reset/spent-or-made-up'],
  ['not found (inside the site)', '/no/such/page'],
  ['not found (no route)', '/a/b/c/d/e/f'],
];

for (const [name, path] of pages) {
  test(`the ${name} page has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
