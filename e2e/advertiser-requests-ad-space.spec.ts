import { expect, test } from '@playwright/test';
import { makePng, signInAs, unique } from './fixtures';

test('an advertiser requests a slot; bad input keeps what was typed; the admin accepts it as a paused ad and schedules it', async ({
  page,
  browser,
}) => {
  const company = `Saltwater Supplies ${unique()}`;
  await page.goto('/advertise');
  await expect(page.getByRole('table')).toContainText('Week of');
  await page.getByLabel('Company').fill(company);
  // The sidebar's "Follow by email" has an Email field too.
  await page.getByRole('main').getByLabel('Email').fill('ads@saltwater.example');
  await page.getByLabel('Slot').selectOption({ label: 'Sidebar bottom (300×250)' });
  await page.getByLabel('Start date').fill('2020-01-01');
  await page.getByLabel('Weeks').fill('3');
  await page.getByLabel('Message').fill('Spring sale, please.');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByText('Choose a start date from today on.')).toBeVisible();
  await expect(page.getByLabel('Company')).toHaveValue(company);
  await expect(page.getByLabel('Message')).toHaveValue('Spring sale, please.');
  await expect(page.getByLabel('Slot')).toHaveValue(
    (await page.getByRole('option', { name: 'Sidebar bottom (300×250)' }).getAttribute('value')) ?? '',
  );

  await page.getByLabel('Start date').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await page
    .getByLabel('Creative (optional)')
    .setInputFiles({ name: 'c.png', mimeType: 'image/png', buffer: makePng(300, 250) });
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Thank you, ${company}` })).toBeVisible();

  const admin = await browser.newPage();
  await signInAs(admin, 'admin');
  await admin.goto('/dashboard/ads/requests');
  const request = admin.getByRole('listitem').filter({ hasText: company });
  await expect(request).toContainText('for 3 weeks');
  await request.getByRole('button', { name: `Accept ${company}` }).click();
  await expect(admin.getByRole('listitem').filter({ hasText: company })).toContainText('accepted');
  await admin.getByRole('listitem').filter({ hasText: company }).getByRole('link', { name: 'Open the ad' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText(company);
  await expect(admin.getByLabel('Status')).toHaveValue('paused');

  // The creative came with the request: with a target and Active, the ad is scheduled for its weeks.
  await admin.getByLabel('Target URL').fill('https://example.com/saltwater');
  await admin.getByLabel('Status').selectOption('active');
  await admin.getByRole('button', { name: 'Save ad' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Ad saved' })).toBeVisible();
  await admin.goto('/dashboard/ads/requests');
  await expect(admin.getByRole('listitem').filter({ hasText: company })).toContainText('scheduled');
});
