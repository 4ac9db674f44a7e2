import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/seed/demo-accounts';
import { createAccountAs, signInAs, signOut, unique } from './fixtures';

test('a signed-out visitor of the dashboard lands on the sign-in page', async ({ page }) => {
  await page.goto('/dashboard/posts');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard%2Fposts/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill('editor@broadsheet.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts$/);
});

test('wrong credentials say so and keep the email; too many lock the account for a while', async ({ page }) => {
  // An account of its own, made by an admin, so locking it out disturbs no other test.
  const email = `locked-${unique()}@example.com`;
  await signInAs(page, 'admin');
  await createAccountAs(page, { name: 'Lou Locked', email, role: 'author', password: DEMO_PASSWORD });
  await signOut(page);

  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`wrong-${attempt}`);
    // Each attempt must reach the server before the next one starts.
    const answered = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().includes('/signin'),
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
    // React clears the password after the action; fill the next one only once that has happened.
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText(
      'That email and password do not match an account.',
    );
    await expect(page.getByLabel('Email')).toHaveValue(email);
  }
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many' })).toHaveText(
    /Too many failed sign-in attempts\. Try again in 1[45] minutes\./,
  );
});

test('public pages do not pass through the proxy and set no cookies', async ({ request }) => {
  for (const path of ['/', '/advertise', '/feed.xml']) {
    expect((await request.get(path)).headers()['set-cookie']).toBeUndefined();
  }
  // A static route no other test changes is served straight from the cache.
  expect((await request.get('/robots.txt')).headers()['x-nextjs-cache']).toBe('HIT');
});
