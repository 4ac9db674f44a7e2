import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/seed/demo-accounts';
import { createAccountAs, signInAs, signInWith, unique } from './fixtures';

test('a reset link from the admin lets a writer set a new password, once, without JavaScript, and signs out their other sessions', async ({
  page,
  browser,
}) => {
  const email = `rita-${unique()}@example.com`;
  const newPassword = 'salt spray and sea fog';
  await signInAs(page, 'admin');
  await createAccountAs(page, { name: 'Rita Reset', email, role: 'author', password: DEMO_PASSWORD });

  // Rita is signed in on another computer, the one she may have lost.
  const elsewhere = await browser.newContext();
  const herOtherTab = await elsewhere.newPage();
  await signInWith(herOtherTab, email, DEMO_PASSWORD);

  await page.goto('/dashboard/people');
  await page.getByLabel('Person', { exact: true }).selectOption({ label: `Rita Reset (${email})` });
  await page.getByRole('button', { name: 'Make a reset link' }).click();
  const message = page.getByRole('status').filter({ hasText: 'Send this link to Rita Reset' });
  await expect(message).toBeVisible();
  const link = new URL(/https?:\/\/\S+\/signin\/reset\/[\w-]+/.exec((await message.textContent()) ?? '')![0]);

  // Opening the link spends nothing: the form is checked for accessibility (axe needs JavaScript) before Rita uses it.
  await herOtherTab.goto(link.pathname);
  await expect(herOtherTab.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  const axe = await new AxeBuilder({ page: herOtherTab })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const rita = await noScript.newPage();
  await rita.goto(link.pathname);
  await expect(rita.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  await expect(rita.getByText(`For ${email}.`)).toBeVisible();
  await rita.getByLabel('New password', { exact: true }).fill(newPassword);
  await rita.getByLabel('New password again').fill('salt spray and sea mist');
  await rita.getByRole('button', { name: 'Set password' }).click();
  await expect(rita.getByText('The two passwords differ.')).toBeVisible();
  await rita.getByLabel('New password', { exact: true }).fill(newPassword);
  await rita.getByLabel('New password again').fill(newPassword);
  await rita.getByRole('button', { name: 'Set password' }).click();
  await expect(rita).toHaveURL(/\/signin\?reset=done$/);
  await expect(rita.getByRole('status').filter({ hasText: 'new password' })).toHaveText(
    'Your new password is set. Sign in with it.',
  );
  await signInWith(rita, email, newPassword);
  await expect(rita.getByText('Rita Reset').first()).toBeVisible();

  // The session from before the reset no longer opens the dashboard.
  await herOtherTab.goto('/dashboard/posts');
  await expect(herOtherTab.getByRole('heading', { name: 'Please sign in' })).toBeVisible();

  // The link was spent.
  await rita.goto(link.pathname);
  await expect(rita.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await expect(rita.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/signin/reset');
  await Promise.all([elsewhere.close(), noScript.close()]);
});

test('“Forgot your password?” answers alike whether or not the address has an account', async ({ page }) => {
  for (const email of ['editor@broadsheet.test', `nobody-${unique()}@example.com`]) {
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Mail me a link' }).click();
    await expect(page.getByRole('status').filter({ hasText: email })).toHaveText(
      `If ${email} is the address of a newsroom account, a link to set a new password is on its way there. It works for 1 hour. No mail? An administrator can make you a link on the People page.`,
    );
  }
});

test('a made-up reset link says it no longer works', async ({ page }) => {
  await page.goto('/signin/reset/not-a-real-token-at-all');
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
});
