import { expect, test } from '@playwright/test';
import { newest, permalinkOf } from './demo';

test('a reader prints an article: the story alone, with the addresses of its links', async ({ page }) => {
  await page.goto(permalinkOf(newest.daysAgo, newest.slug));
  const notOnPaper = [
    page.getByRole('link', { name: 'Skip to content' }),
    page.getByRole('navigation', { name: 'Main' }),
    page.getByRole('complementary', { name: 'Sidebar' }),
    page.locator('[data-slot]'),
    page.locator('#comments'),
    page.getByRole('navigation', { name: 'Newer and older posts' }),
  ];
  const link = page.locator('.prose a[href^="http"]').first();
  const linkAfter = () => link.evaluate((a) => getComputedStyle(a, '::after').content);
  await expect(page.getByRole('complementary', { name: 'Sidebar' })).toBeVisible();
  expect(await linkAfter()).toBe('none');

  await page.emulateMedia({ media: 'print' });
  for (const part of notOnPaper) for (const element of await part.all()) await expect(element).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title);
  await expect(page.locator('.post-meta')).toContainText('Maya Okafor');
  for (const piece of await page.locator('.prose').all()) await expect(piece).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  // Chromium resolves attr() in the computed value.
  expect(await linkAfter()).toBe(`" (${await link.getAttribute('href')})"`);
  // The story takes the width the sidebar left.
  const story = await page.locator('#main').boundingBox();
  const width = page.viewportSize()!.width;
  expect(story!.width).toBeGreaterThan(width * 0.8);
});
