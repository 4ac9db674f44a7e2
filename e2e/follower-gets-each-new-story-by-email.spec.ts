import { expect, test } from '@playwright/test';
import { publishNewPost, signInAs, unique } from './fixtures';
import { mailTo } from './mail';

test.use({ javaScriptEnabled: false });

test('a reader follows by email without JavaScript, confirms from the mail, gets the next story once and unsubscribes in one click', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = `reader-${unique()}@example.com`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const widget = page.getByRole('region', { name: 'Follow by email' });
  await expect(widget).toBeVisible();
  await widget.screenshot({ path: '.data/screenshots/follow-widget-1280.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await widget.scrollIntoViewIfNeeded();
  await widget.screenshot({ path: '.data/screenshots/follow-widget-390.png' });

  await widget.getByLabel('Email').fill(email);
  await widget.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page).toHaveURL(/\/follow\?sent=1/);
  await expect(page.getByRole('status').filter({ hasText: 'Check your inbox' })).toHaveText(
    /we sent a link to confirm \(it works for 48 hours\)/,
  );

  const confirmation = await mailTo(email, /\/follow\/confirm\//);
  const confirmLink = /(http:\/\/[^\s]+\/follow\/confirm\/[\w-]+)/.exec(confirmation)![1];
  // The link alone confirms nothing (mail scanners open every link): its page has a button that does.
  await page.goto(confirmLink);
  await expect(page.getByRole('heading', { name: 'Confirm your subscription' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('heading', { name: 'Your email subscription' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'confirmed' })).toHaveText(
    'Your address is confirmed: new stories will reach your inbox.',
  );
  await expect(page.getByRole('checkbox', { name: 'Every story' })).toBeChecked();
  await page.screenshot({ path: '.data/screenshots/follow-preferences-390.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: '.data/screenshots/follow-preferences-1280.png', fullPage: true });

  // An editor publishes, with "Email to followers" as it comes: ticked.
  const editorContext = await browser.newContext({ javaScriptEnabled: true });
  const editor = await editorContext.newPage();
  await signInAs(editor, 'editor');
  const title = `Followers hear of it ${unique()}`;
  await editor.goto('/dashboard/posts/new');
  await expect(editor.getByRole('checkbox', { name: 'Email to followers' })).toBeChecked();
  await publishNewPost(editor, { title, body: 'The tide came in early today.' });
  await expect(editor).toHaveURL(/saved=published/);

  const story = await mailTo(email, new RegExp(`Subject: ${title}`));
  // The post's page in the dashboard says how its mailing went; the list finds the reader.
  await editor.reload();
  await expect(editor.getByRole('region', { name: 'Email to followers' })).toContainText(
    /Sent to [1-9][\d,]* of [1-9]/,
  );
  await editor.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Subscribers' }).click();
  await editor.getByLabel('Search addresses').fill(email);
  await editor.getByRole('button', { name: 'Search' }).click();
  await expect(editor.getByRole('table', { name: 'Subscribers' })).toContainText(email);
  await editor.setViewportSize({ width: 1280, height: 900 });
  await editor.screenshot({ path: '.data/screenshots/dashboard-subscribers-1280.png', fullPage: true });
  await editorContext.close();

  expect(story).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  expect(story).toContain('Read it on the site');
  expect(story).toMatch(/\/follow\/manage\/\d+\.[\w-]{43}/);
  const oneClick = /^List-Unsubscribe: <([^>]+)>/m.exec(story)![1];

  // The mail provider's button: a POST, no cookie, no page.
  const answer = await request.post(oneClick, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(answer.status()).toBe(200);
  await page.goto(oneClick);
  await expect(page.getByText('You receive nothing.')).toBeVisible();
});
