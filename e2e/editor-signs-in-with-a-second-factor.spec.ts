import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { DEMO_PASSWORD } from '../lib/seed/demo-accounts';
import { createAccountAs, signInAs, signInWith, signOut, unique } from './fixtures';
import { xssPayloads } from './xss-payloads';

// Signs in from a network of its own: the code step's per-address limits hold up no other test.
const octet = () => Math.floor(Math.random() * 250);
test.use({ extraHTTPHeaders: { 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` } });

/** The code an authenticator app shows, `steps` periods of 30 seconds from now. */
const codeFor = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
const notThe = (code: string) => (code === '000000' ? '111111' : '000000');
const xssRan = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

/** Desktop and phone screenshots, when SCREENSHOTS_DIR asks for them (to look at the pages, not to compare). */
async function snap(page: Page, name: string) {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  const desktop = page.viewportSize()!;
  await page.screenshot({ path: `${dir}/desktop-${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${dir}/phone-${name}.png`, fullPage: true });
  await page.setViewportSize(desktop);
}

/** From the profile: the QR code and the key, a wrong code refused, then a right one and the recovery codes. */
async function setUpSecondFactor(page: Page, wrongCodes: string[] = []) {
  await page.goto('/dashboard/profile');
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(page).toHaveURL(/\/dashboard\/profile\/two-factor$/);
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await page.locator('[data-secret]').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await snap(page, 'two-factor-setup');

  for (const wrong of [notThe(await codeFor(secret)), ...wrongCodes]) {
    await page.getByLabel('Authentication code').fill(wrong);
    await submit(page, 'Turn on two-factor sign-in');
    await expect(page.getByRole('main').getByRole('alert').first()).toBeVisible();
    // Refused with a reason, what was typed kept, and the same key still being set up.
    await expectShownBack(page, 'Authentication code', wrong);
    expect(await xssRan(page)).toBeUndefined();
  }
  await expect(page.locator('[data-secret]')).toHaveText(secret.match(/.{4}/g)!.join(' '));

  await page.getByLabel('Authentication code').fill(await codeFor(secret));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  const codes = await page.locator('[aria-labelledby="recovery-codes"] li').allInnerTexts();
  expect(codes).toHaveLength(10);
  await snap(page, 'two-factor-recovery-codes');
  return { secret, codes };
}

/** Email and password, which lead to the code step and not yet into the dashboard. */
async function passwordStep(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await expect(page.getByLabel('Authentication code')).toBeVisible();
}

/** Presses a form's button and waits for the server's answer (React resets the form when it arrives). */
async function submit(page: Page, button: string) {
  const answered = page.waitForResponse((response) => response.request().method() === 'POST');
  await page.getByRole('button', { name: button }).click();
  await answered;
}

/**
 * The refused code is shown back, and React is done with the answer: it resets the form to the new defaults in the
 * commit that sets them. A field typed into before that reset would lose what was typed.
 */
async function expectShownBack(page: Page, label: string, value: string) {
  const field = page.getByLabel(label);
  await expect(field).toHaveValue(value);
  await expect.poll(() => field.evaluate((input: HTMLInputElement) => input.defaultValue)).toBe(value);
}

async function verify(page: Page, code: string, label = 'Authentication code') {
  // By its label: after a link to the other kind of code, the field of the page it leads to.
  const field = page.getByLabel(label);
  await field.fill(code);
  await expect(field).toHaveValue(code);
  await submit(page, 'Verify');
}

/** Past the password, a recovery code that is refused (spent, or replaced). */
async function recoveryCodeRefused(page: Page, email: string, code: string) {
  await passwordStep(page, email);
  await page.getByRole('link', { name: 'Use a recovery code' }).click();
  await verify(page, code, 'Recovery code');
  await expect(page.getByRole('main').getByRole('alert').first()).toHaveText(
    'That recovery code is not right, or it has been used.',
  );
}

test('an editor sets up a second factor, signs in with a code and with a recovery code, once; wrong codes count; an admin resets it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const email = `eli-${unique()}@example.com`;
  const name = `Eli "><img src=x onerror=window.__xss=1> Editor ${unique()}`;
  await signInAs(page, 'admin');
  await createAccountAs(page, { name, email, role: 'editor', password: DEMO_PASSWORD });
  await signOut(page);

  await signInWith(page, email, DEMO_PASSWORD);
  const { secret, codes } = await setUpSecondFactor(page);
  await page.goto('/dashboard/profile');
  await expect(page.getByText(/On since .*10 of your recovery codes are left/)).toBeVisible();
  await snap(page, 'profile-two-factor-on');
  await signOut(page);

  // The password alone gives no session: the dashboard still sends this browser to sign in.
  await passwordStep(page, email);
  await snap(page, 'signin-two-factor');
  expect((await page.request.get('/dashboard/posts', { maxRedirects: 0 })).status()).toBe(307);
  // The next period's code: the one that turned it on was spent, and a code works once.
  await verify(page, await codeFor(secret, 1));
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText(`${name} (editor)`)).toBeVisible();
  await signOut(page);

  await passwordStep(page, email);
  await page.getByRole('link', { name: 'Use a recovery code' }).click();
  await expect(page.getByLabel('Recovery code')).toBeVisible();
  await snap(page, 'signin-recovery-code');
  await verify(page, codes[0].toUpperCase(), 'Recovery code');
  await expect(page).toHaveURL(/\/dashboard/);
  await signOut(page);

  // Spent: the same recovery code is refused the second time, and that failure counts.
  await recoveryCodeRefused(page, email, codes[0]);
  await page.getByRole('link', { name: 'Use a code from your app' }).click();
  const wrong = notThe(await codeFor(secret, 2));
  for (let failure = 2; failure <= 10; failure++) {
    await verify(page, wrong);
    await expect(page.getByRole('main').getByRole('alert').first()).toHaveText(
      'That code is not right. Type the one your app shows now.',
    );
    await expectShownBack(page, 'Authentication code', wrong);
  }
  // Ten failures from this address: the next attempt is refused before its code is even looked at.
  await verify(page, await codeFor(secret, 1));
  await expect(page.getByRole('main').getByRole('alert').first()).toHaveText(
    /^Too many failed attempts\. Try again in 1[45] minutes\.$/,
  );

  // An admin resets it (the log says so); the editor signs in with the password alone again.
  const admin = await browser.newPage();
  let dialogs = 0;
  admin.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs++));
  await signInAs(admin, 'admin');
  await admin.goto('/dashboard/people');
  await admin.getByRole('button', { name: `Reset the two-factor sign-in of ${name}` }).click();
  await expect(admin.getByRole('button', { name: `Reset the two-factor sign-in of ${name}` })).toHaveCount(0);
  const log = admin.getByRole('list', { name: 'Sign-in changes' });
  await expect(log).toContainText(`Ada Admin reset the two-factor sign-in of ${name}`);
  await expect(log).toContainText(`${name} turned on their two-factor sign-in`);
  await snap(admin, 'people-two-factor-log');
  expect(await xssRan(admin)).toBeUndefined();
  expect(await admin.locator('main img').count()).toBe(0);
  expect(dialogs).toBe(0);
  await signInWith(page, email, DEMO_PASSWORD);
});

test('an author who used up recovery codes makes new ones with a code from the app; the old ones stop working', async ({
  page,
}) => {
  const email = `rae-${unique()}@example.com`;
  await signInAs(page, 'admin');
  await createAccountAs(page, { name: `Rae ${unique()}`, email, role: 'author', password: DEMO_PASSWORD });
  await signOut(page);
  await signInWith(page, email, DEMO_PASSWORD);
  const { secret, codes } = await setUpSecondFactor(page);

  await page.goto('/dashboard/profile');
  const wrong = notThe(await codeFor(secret, 1));
  await page.getByLabel('Code from your app').fill(wrong);
  await submit(page, 'Make new recovery codes');
  await expect(page.getByRole('main').getByRole('alert').first()).toHaveText(
    'That code is not right. Type the one your app shows now.',
  );
  await expectShownBack(page, 'Code from your app', wrong);
  await page.getByLabel('Code from your app').fill(await codeFor(secret, 1));
  await page.getByRole('button', { name: 'Make new recovery codes' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'New recovery codes made: the old ones no longer work.' }),
  ).toBeVisible();
  const fresh = await page.locator('[aria-labelledby="recovery-codes"] li').allInnerTexts();
  expect(fresh).toHaveLength(10);
  expect(fresh).not.toContain(codes[0]);
  await snap(page, 'profile-new-recovery-codes');
  await signOut(page);

  await recoveryCodeRefused(page, email, codes[0]);
  await verify(page, fresh[0], 'Recovery code');
  await expect(page).toHaveURL(/\/dashboard/);
});

test('an XSS corpus typed into the two-factor fields comes back as text and never runs', async ({ page }) => {
  test.setTimeout(240_000);
  const email = `xena-${unique()}@example.com`;
  let dialogs = 0;
  page.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs++));
  await signInAs(page, 'admin');
  await createAccountAs(page, { name: 'Xena Xss', email, role: 'author', password: DEMO_PASSWORD });
  await signOut(page);
  await signInWith(page, email, DEMO_PASSWORD);

  const thirds = [0, 1, 2].map((i) => xssPayloads.filter((_, n) => n % 3 === i));
  // While setting up: every payload is refused as a code, and shown back in the field as typed.
  await setUpSecondFactor(page, thirds[0]);
  await signOut(page);

  // At sign-in, as an authentication code and as a recovery code (refused by their form: nothing is counted).
  await passwordStep(page, email);
  for (const payload of thirds[1]) {
    await verify(page, payload);
    await expect(page.getByRole('main').getByRole('alert').first()).toHaveText('Check the code and try again.');
    await expectShownBack(page, 'Authentication code', payload);
    expect(await xssRan(page)).toBeUndefined();
  }
  await page.getByRole('link', { name: 'Use a recovery code' }).click();
  for (const payload of thirds[2]) {
    await verify(page, payload, 'Recovery code');
    await expect(page.getByRole('main').getByRole('alert').first()).toHaveText('Check the code and try again.');
    await expectShownBack(page, 'Recovery code', payload);
    expect(await xssRan(page)).toBeUndefined();
  }
  expect(await page.locator('main img, main iframe, main svg').count()).toBe(0);
  expect(dialogs).toBe(0);
});
