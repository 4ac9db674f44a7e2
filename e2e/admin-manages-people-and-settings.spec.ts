import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/seed/demo-accounts';
import { createAccountAs, signInAs, signInWith, unique } from './fixtures';

test('a deactivated person is signed out on their next request', async ({ page, browser }) => {
  const email = `leaver-${unique()}@example.com`;
  await signInAs(page, 'admin');
  await createAccountAs(page, { name: 'Lee Leaver', email, role: 'author', password: DEMO_PASSWORD });

  const leaverContext = await browser.newContext();
  const leaver = await leaverContext.newPage();
  await signInWith(leaver, email, DEMO_PASSWORD);

  await page.reload();
  await page.getByRole('button', { name: 'Deactivate Lee Leaver' }).click();
  await expect(page.getByRole('button', { name: 'Reactivate Lee Leaver' })).toBeVisible();

  const response = await leaver.goto('/dashboard/posts');
  expect(response?.status()).toBe(401);
  await expect(leaver.getByRole('heading', { name: 'Please sign in' })).toBeVisible();
  await leaverContext.close();
});

test('a settings change shows on every page at once', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/dashboard/settings');
  const original = await page.getByLabel('Theme credit').inputValue();
  const credit = `Theme credit ${unique()}`;
  await page.getByLabel('Theme credit').fill(credit);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  for (const path of ['/', '/advertise', '/label/harbour']) {
    await page.goto(path);
    await expect(page.getByRole('contentinfo')).toContainText(credit);
  }

  // A bad value is refused with a reason, and what was typed stays.
  await page.goto('/dashboard/settings');
  await page.getByLabel('Time zone').fill('Mars/Olympus');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Use a time zone name such as UTC or Europe/London.')).toBeVisible();
  await expect(page.getByLabel('Time zone')).toHaveValue('Mars/Olympus');

  await page.getByLabel('Time zone').fill('UTC');
  await page.getByLabel('Theme credit').fill(original);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
});

test('an admin makes the feeds carry excerpts instead of whole posts, and back', async ({ page, request }) => {
  // A kept-alive socket the server has just closed answers ECONNRESET: such a read counts as "not yet" and is polled again.
  const feedContents = async () => {
    const feed = await request.get('/feed.xml', { headers: { connection: 'close' } }).catch(() => null);
    return feed ? ((await feed.text()).match(/<content:encoded>/g)?.length ?? 0) : -1;
  };
  const feedsCarry = async (choice: string) => {
    await page.goto('/dashboard/settings');
    await page.getByLabel('RSS feeds carry').selectOption({ label: choice });
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  };

  await signInAs(page, 'admin');
  // Whole posts first, so a retry after a failure midway starts from the same place.
  await feedsCarry('Whole posts');
  await expect.poll(feedContents).toBeGreaterThan(0);

  await feedsCarry('Excerpts, with a link to the post');
  await expect.poll(feedContents).toBe(0);
  expect(await (await request.get('/feed.xml', { headers: { connection: 'close' } })).text()).toContain(
    '<description>',
  );
  await page.reload();
  await expect(page.getByLabel('RSS feeds carry')).toHaveValue('no');

  await feedsCarry('Whole posts');
  await expect.poll(feedContents).toBeGreaterThan(0);
});

test('/setup is gone once the site has people', async ({ page }) => {
  expect((await page.goto('/setup'))?.status()).toBe(404);
});
