import { expect, test } from '@playwright/test';
import { newest, permalinkOf } from './demo';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('on a phone the sidebar moves below the article and nothing overflows', async ({ page }, testInfo) => {
  for (const [name, url] of [
    ['home', '/'],
    ['article', permalinkOf(newest.daysAgo, newest.slug)],
  ]) {
    await page.goto(url);
    const main = await page.getByRole('main').boundingBox();
    const sidebar = await page.getByRole('complementary').boundingBox();
    expect(sidebar!.y).toBeGreaterThan(main!.y + main!.height - 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`phone-${name}.png`), fullPage: true });
  }
});

test('on a 360 px phone the menu fits one line', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  const tops = await links.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  expect(tops).toHaveLength(4);
  expect(new Set(tops).size).toBe(1);
});

test('landmarks, one h1, headings in order, visible focus', async ({ page }) => {
  await page.goto(permalinkOf(newest.daysAgo, newest.slug));
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.locator('h1')).toHaveCount(1);
  const levels = await page.locator('h1, h2, h3, h4').evaluateAll((els) => els.map((el) => Number(el.tagName[1])));
  for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  const images = await page.locator('main img').evaluateAll((els) => els.map((el) => el.getAttribute('alt')));
  for (const alt of images) expect(alt).not.toBeNull();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});
