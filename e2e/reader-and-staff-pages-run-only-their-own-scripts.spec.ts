import { expect, test, type Page } from '@playwright/test';
import { newest, permalinkOf } from './demo';
import { signInAs } from './fixtures';

/**
 * Every page's scripts run under its Content-Security-Policy (script-src 'self' plus the page's hashes or nonce):
 * a violation means a script of ours was blocked. Each page is checked for none, and for React having hydrated it
 * (which needs Next's inline scripts to have run). The ads' inline rotation is checked by
 * reader-sees-ads-rotate-without-layout-shift.spec.ts, on the same policy.
 */
async function watchForViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
  ];
}

/** React has taken over the page: its nodes carry React's internal keys once hydrated. */
const hydrated = (page: Page) =>
  page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((key) => key.startsWith('__react')));

test('reader pages, stored or rendered per request, run their scripts and no violation is reported', async ({
  page,
}) => {
  const violations = await watchForViolations(page);
  const article = permalinkOf(newest.daysAgo, newest.slug);
  for (const path of ['/', article, '/label/harbour', '/search?q=harbour', '/advertise']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect.poll(() => hydrated(page), path).toBe(true);
    expect(await violations(), path).toEqual([]);
  }
});

test('the editor and the moderation queue run under their policy with no violation', async ({ page }) => {
  const violations = await watchForViolations(page);
  await signInAs(page, 'editor');
  await page.goto('/dashboard/posts/new', { waitUntil: 'networkidle' });
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.type('Typed into the editor under a strict policy.');
  await expect(body).toContainText('Typed into the editor under a strict policy.');
  await page.goto('/dashboard/comments', { waitUntil: 'networkidle' });
  await expect.poll(() => hydrated(page)).toBe(true);
  expect(await violations()).toEqual([]);
});
