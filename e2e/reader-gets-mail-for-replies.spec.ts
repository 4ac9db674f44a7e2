import { expect, test } from '@playwright/test';
import { permalinkOf, published } from './demo';
import { approveInQueue, signInAs, unique } from './fixtures';
import { mailTo } from './mail';

// The oldest post without comments: the comment flows of other specs use the newest ones.
const quiet = published.filter((post) => !post.comments?.length).at(-1)!;
const article = permalinkOf(quiet.daysAgo, quiet.slug);
const network = () => `10.203.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

test.use({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': network() } });

test('a commenter ticks "Email me replies", confirms by a button, and gets a mail when a reply is approved; its unsubscribe and "Forget me" work', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const name = `Ada Asker ${unique()}`;
  const email = `ada-${unique()}@example.com`;
  const body = `Will the ferry run on Sundays? ${unique()}`;

  // Ticked without an address: refused with a clear message, and everything typed comes back, the tick too.
  await page.goto(article);
  const form = page.locator('#write-comment');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Comment').fill(body);
  await form.getByRole('checkbox', { name: 'Email me replies' }).check();
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(page).toHaveURL(/\/comments\/draft\//);
  const again = page.locator('#write-comment');
  await expect(page.getByRole('alert').first()).toContainText('Enter your email address to get replies by email');
  await expect(again.getByLabel('Comment')).toHaveValue(body);
  await expect(again.getByRole('checkbox', { name: 'Email me replies' })).toBeChecked();
  await again.getByLabel('Email', { exact: true }).fill(email);
  await again.getByRole('button', { name: 'Post comment' }).click();
  await expect(page).toHaveURL(new RegExp(`${article}#comment-held$`));

  // The mailed link opens a page with a button: opening it (as a mail scanner would) confirms nothing.
  const confirmation = await mailTo(email, /\/replies\/confirm\//);
  const confirmLink = /(http:\/\/\S+\/replies\/confirm\/[\w-]+)/.exec(confirmation)![1];
  await page.goto(confirmLink);
  await expect(page.getByRole('heading', { name: 'Confirm replies by email' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm replies by email' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Confirmed' })).toHaveText(
    'Confirmed: replies to your comments will reach your inbox.',
  );

  const moderatorContext = await browser.newContext();
  const moderator = await moderatorContext.newPage();
  await signInAs(moderator, 'moderator');
  await approveInQueue(moderator, body);

  // A second reader replies, without JavaScript, from the comment's own reply page.
  const otherContext = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'x-forwarded-for': network() },
  });
  const other = await otherContext.newPage();
  await expect(async () => {
    await other.goto(article);
    await expect(other.getByRole('link', { name: `Reply to ${name}` })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await other.getByRole('link', { name: `Reply to ${name}` }).click();
  const reply = `Yes, from May, every hour <b>on the hour</b> ${unique()}`;
  const replyForm = other.locator('#write-comment');
  await replyForm.getByLabel('Name').fill('Bea Boatwoman');
  await replyForm.getByLabel('Email', { exact: true }).fill(`bea-${unique()}@example.com`);
  await replyForm.getByLabel('Comment').fill(reply);
  await replyForm.getByRole('button', { name: 'Post comment' }).click();
  await expect(other).toHaveURL(new RegExp(`${article}#comment-held$`));
  await otherContext.close();

  // The moderator approves it: Ada's mail arrives, sent by a job.
  await approveInQueue(moderator, reply);
  await moderatorContext.close();
  const mail = await mailTo(email, /replied to your comment/);
  expect(mail).toContain(`Bea Boatwoman replied to your comment on “${quiet.title}”`);
  expect(mail).toContain(reply);
  expect(mail).toContain(reply.replace('<b>', '&lt;b&gt;').replace('</b>', '&lt;/b&gt;'));
  expect(mail).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  const commentLink = /Read the reply on the site: (\S+)/.exec(mail)![1];
  expect(commentLink).toMatch(new RegExp(`${article}#comment-\\d+$`));
  await expect(async () => {
    await page.goto(commentLink);
    await expect(page.locator(`#${commentLink.split('#')[1]}`)).toContainText('Yes, from May, every hour', {
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });

  // The body's link: a page whose button stops reply mail.
  const stopLink = /Stop emails about replies: (\S+)/.exec(mail)![1];
  await page.goto(stopLink);
  await expect(page.getByRole('heading', { name: 'Emails about replies' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop emails about replies' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Done' })).toHaveText(
    'Done: you will get no more emails about replies.',
  );

  // The mail provider's one-click button: a POST, no cookie, no page.
  const oneClick = /^List-Unsubscribe: <([^>]+)>/m.exec(mail)![1];
  const answer = await request.post(oneClick, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(answer.status()).toBe(200);
  expect((await request.post(`${oneClick.replace(/\.[\w-]{43}$/, '')}.${'x'.repeat(43)}`)).status()).toBe(404);

  // "Forget me", the page's second button: the address goes, so the answer is a page of its own, and the mail's
  // links name nobody any more.
  await page.goto(stopLink);
  await expect(page.getByText('This address gets no emails about replies.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop emails about replies' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Forget me' }).click();
  await expect(page).toHaveURL(/\/replies\/forgotten$/);
  await expect(page.getByRole('heading', { name: 'Address forgotten' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toContainText(
    'Your address is deleted from our list for replies',
  );
  expect((await page.goto(stopLink))!.status()).toBe(404);
  expect((await request.post(oneClick)).status()).toBe(404);
  // Ada's comment is still on the site.
  await page.goto(article);
  await expect(page.getByText(body).first()).toBeVisible();
});
