import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/seed/demo-accounts';
import { createAccountAs, signInAs, signInWith, signOut, unique } from './fixtures';

test('a writer who changes her password stays signed in here and is signed out everywhere else', async ({
  page,
  browser,
}) => {
  const email = `wren-${unique()}@example.com`;
  const newPassword = 'gulls over the breakwater';
  await signInAs(page, 'admin');
  await createAccountAs(page, { name: 'Wren Writer', email, role: 'author', password: DEMO_PASSWORD });
  await signOut(page);

  const elsewhere = await browser.newContext();
  const otherComputer = await elsewhere.newPage();
  await signInWith(otherComputer, email, DEMO_PASSWORD);
  await signInWith(page, email, DEMO_PASSWORD);

  await page.goto('/dashboard/profile');
  await page.getByLabel('Current password').fill('not the password');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not right' })).toHaveText(
    'The current password is not right.',
  );

  await page.getByLabel('Current password').fill(DEMO_PASSWORD);
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Password changed' })).toHaveText(
    'Password changed. Anywhere else you were signed in, you are signed out.',
  );

  await page.goto('/dashboard/posts');
  await expect(page.getByText('Wren Writer (author)')).toBeVisible();
  await otherComputer.goto('/dashboard/posts');
  await expect(otherComputer.getByRole('heading', { name: 'Please sign in' })).toBeVisible();

  await signOut(page);
  await signInWith(page, email, newPassword);
  await elsewhere.close();
});
