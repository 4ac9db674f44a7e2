import { expect, test, type Page } from '@playwright/test';
import { permalinkOf, published } from './demo';
import { approveInQueue, signInAs, unique } from './fixtures';
import { postComment } from './comment-post';
import { sessionCookie } from './server-actions';
import { xssPayloads } from './xss-payloads';

const quiet = published.filter((post) => !post.comments?.length);
const articleFor = (index: number) => permalinkOf(quiet[index].daysAgo, quiet[index].slug);
// Each test comments from its own network, so the per-IP limit of one does not hold up another.
const network = () => ({
  'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
});

async function writeComment(page: Page, fields: { name: string; email?: string; body: string }) {
  const form = page.locator('#write-comment');
  await form.getByLabel('Name').fill(fields.name);
  if (fields.email) await form.getByLabel('Email', { exact: true }).fill(fields.email);
  await form.getByLabel('Comment').fill(fields.body);
  return form;
}

test.describe('with JavaScript', () => {
  test.use({ extraHTTPHeaders: network() });

  test('a comment is held, approved by a moderator, shown and counted; a reply threads under it', async ({
    page,
    browser,
  }) => {
    // The longest flow here: two readers, a moderator, three approvals, each page regenerated.
    test.setTimeout(150_000);
    const article = articleFor(0);
    const body = `The new timetable suits early shifts ${unique()}`;
    await page.goto(article);
    await expect(page.locator('#comments-heading')).toContainText('No comments');
    const email = `rowan-${unique()}@example.com`;
    const form = await writeComment(page, { name: 'Rowan Reader', email, body });
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect(form.getByRole('status')).toHaveText('Your comment is awaiting moderation.');
    await page.reload();
    await expect(page.locator('#comments')).not.toContainText(body);

    const moderator = await browser.newPage();
    await signInAs(moderator, 'moderator');
    await expect(
      moderator.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: /Comments/ }),
    ).toContainText('pending');
    await moderator.goto(`/dashboard/comments?queue=pending&q=${encodeURIComponent(body)}`);
    await expect(moderator.getByText('Held because: first comment from this email')).toBeVisible();
    await approveInQueue(moderator, body);

    // Live within moments of the approval: the cached article is regenerated on the next visits.
    await expect(async () => {
      await page.goto(article);
      await expect(page.locator('#comments')).toContainText(body, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.locator('#comments-heading')).toContainText('1 comment');
    // Wherever the home page's pages have it by now (other specs publish posts before this one runs).
    let counted = 0;
    for (const path of ['/', '/page/2', '/page/3', '/page/4']) {
      await page.goto(path);
      counted += await page.getByRole('link', { name: `1 comment on ${quiet[0].title}` }).count();
    }
    expect(counted).toBe(1);

    // A reply opens the same form under the comment and threads beneath it once approved.
    await page.goto(article);
    await page.getByRole('link', { name: 'Reply to Rowan Reader' }).click();
    const replyForm = page.locator('[id^="reply-"]:visible');
    const reply = `Agreed, and the late ferry too ${unique()}`;
    await replyForm.getByLabel('Name').fill('Sam Second');
    await replyForm.getByLabel('Comment').fill(reply);
    await replyForm.getByRole('button', { name: 'Post comment' }).click();
    await expect(replyForm.getByRole('status')).toHaveText('Your comment is awaiting moderation.');
    await approveInQueue(moderator, reply);
    await page.goto(article);
    const parent = page.locator('#comments > ol > li').filter({ hasText: body });
    await expect(parent.locator('ol article')).toContainText(reply);
    await expect(page.locator('#comments-heading')).toContainText('2 comments');

    // Rowan's browser proves her approved comment: her next one is published at once. Someone typing her address
    // in another browser is still a first-timer.
    const again = await writeComment(page, { name: 'Rowan Reader', email, body: `And the bus too ${unique()}` });
    await again.getByRole('button', { name: 'Post comment' }).click();
    await expect(again.getByRole('status')).toHaveText('Your comment is published.');
    const impostorContext = await browser.newContext({ extraHTTPHeaders: network() });
    const impostor = await impostorContext.newPage();
    await impostor.goto(article);
    const claim = await writeComment(impostor, { name: 'Rowan Reader', email, body: `Send gifts here ${unique()}` });
    await claim.getByRole('button', { name: 'Post comment' }).click();
    await expect(claim.getByRole('status')).toHaveText('Your comment is awaiting moderation.');
    await impostorContext.close();
  });

  test('three links are held with that reason; a blocked word is refused and the text stays', async ({
    page,
    browser,
  }) => {
    await page.goto(articleFor(1));
    const linky = `Links: https://a.example https://b.example https://c.example ${unique()}`;
    let form = await writeComment(page, { name: 'Lin Ks', email: `links-${unique()}@example.com`, body: linky });
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect(form.getByRole('status')).toHaveText('Your comment is awaiting moderation.');
    await expect(form.getByLabel('Comment')).toHaveValue('');

    const rude = `You scoundrel of a council ${unique()}`;
    form = await writeComment(page, { name: 'Cross Reader', body: rude });
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect(form.getByRole('alert')).toContainText('not allowed here: “scoundrel”');
    await expect(form.getByLabel('Comment')).toHaveValue(rude);
    await expect(form.getByLabel('Name')).toHaveValue('Cross Reader');

    const moderator = await browser.newPage();
    await signInAs(moderator, 'moderator');
    await moderator.goto(`/dashboard/comments?queue=pending&q=${encodeURIComponent('Links: https://a.example')}`);
    await expect(moderator.getByText('Held because: 3 links (more than 2)')).toBeVisible();
    await moderator.goto(`/dashboard/comments?queue=rejected&q=scoundrel`);
    await expect(moderator.getByText('Reason: blocked word "scoundrel"').first()).toBeVisible();
  });

  test('a reported comment lands in the Reported queue', async ({ page, browser }) => {
    const withComments = published.find((post) => (post.comments?.length ?? 0) > 0 && post !== published[0])!;
    await page.goto(permalinkOf(withComments.daysAgo, withComments.slug));
    const first = page.locator('#comments article').first();
    await first.getByRole('link', { name: /^Report/ }).click();
    const reason = `Off topic ${unique()}`;
    await page
      .locator('[id^="report-"]:visible')
      .getByLabel(/Why are you reporting/)
      .fill(reason);
    await page.locator('[id^="report-"]:visible').getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByText('Thank you: a moderator will look at this comment.')).toBeVisible();

    const moderator = await browser.newPage();
    await signInAs(moderator, 'moderator');
    await moderator.goto('/dashboard/comments?queue=reported');
    await expect(moderator.getByText(new RegExp(`Reported 1 time: ${reason}`))).toBeVisible();
    await moderator.goto('/dashboard/comments/log');
    await expect(moderator.getByRole('heading', { name: 'Moderation log' })).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: network() });

  test('a plain form post is held and the reader lands on the note; nothing typed is lost on the way', async ({
    page,
  }) => {
    await page.goto(articleFor(2));
    const body = `Posted without scripts ${unique()}`;
    const form = await writeComment(page, { name: 'Nora Noscript', email: `nora-${unique()}@example.com`, body });
    // The static page carries no stamp: drop the one its image left in a cookie, so the post has no stamp to show.
    // The reader lands on a page that asks to press once more, text intact.
    await page.context().clearCookies({ name: 'comment_seen' });
    await form.getByRole('button', { name: 'Post comment' }).click();
    await expect(page).toHaveURL(/\/comments\/draft\//);
    await expect(page.getByRole('alert')).toHaveText('Please check your comment and press “Post comment” again.');
    await expect(page.locator('#write-comment').getByLabel('Comment')).toHaveValue(body);
    await expect(page.locator('#write-comment').getByLabel('Name')).toHaveValue('Nora Noscript');
    await page.locator('#write-comment').getByRole('button', { name: 'Post comment' }).click();
    await expect(page).toHaveURL(new RegExp(`${articleFor(2)}#comment-held$`));
    await expect(page.getByText('Your comment is awaiting moderation.')).toBeVisible();
  });

  test('Reply and Report lead to pages with their forms, and both work', async ({ page }) => {
    const withComments = published.find((post) => (post.comments?.length ?? 0) > 0 && post !== published[0])!;
    const article = permalinkOf(withComments.daysAgo, withComments.slug);
    await page.goto(article);
    const first = page.locator('#comments article').first();
    const author = (await first.locator('[data-comment-author]').textContent())!;
    await first.getByRole('link', { name: `Reply to ${author}` }).click();
    await expect(page).toHaveURL(/\/comments\/\d+\/reply$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Reply to ${author}`);
    const reply = `A reply without scripts ${unique()}`;
    await page.locator('#write-comment').getByLabel('Name').fill('Nico Noscript');
    await page.locator('#write-comment').getByLabel('Comment').fill(reply);
    await page.locator('#write-comment').getByRole('button', { name: 'Post comment' }).click();
    await expect(page).toHaveURL(new RegExp(`${article}#comment-held$`));

    await page
      .locator('#comments article')
      .first()
      .getByRole('link', { name: /^Report/ })
      .click();
    await expect(page).toHaveURL(/\/comments\/\d+\/report$/);
    await page.getByLabel(/Why are you reporting/).fill('Off topic, sent without scripts');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page.getByText('Thank you: a moderator will look at this comment.')).toBeVisible();
    expect((await page.request.get('/comments/999999/reply')).status()).toBe(404);
  });
});

test('an XSS corpus as names and bodies never runs or renders as markup', async ({ page, baseURL, browser }) => {
  const article = articleFor(3);
  const marker = `xss-${unique()}`;
  const html = await (await fetch(baseURL + article)).text();
  const postId = /name="postId" value="(\d+)"/.exec(html)![1];
  const { token } = (await (await fetch(`${baseURL}/api/comments/token`)).json()) as { token: string };
  for (const [i, payload] of xssPayloads.entries()) {
    const { status } = await postComment(
      baseURL!,
      { postId, name: payload.slice(0, 80), email: '', body: `${marker} ${i} ${payload}`, token },
      { headers: { 'x-forwarded-for': `10.201.${Math.floor(i / 200)}.${i % 200}` } },
    );
    expect(status).toBe(200);
  }

  let ran = 0;
  const moderator = await browser.newPage();
  for (const p of [page, moderator])
    p.on('dialog', async (dialog) => {
      ran++;
      await dialog.dismiss();
    });
  await signInAs(moderator, 'moderator');
  // The moderation queue shows every payload as text, and approves them in pages of 50.
  for (;;) {
    await moderator.goto(`/dashboard/comments?queue=pending&q=${marker}`);
    expect(await moderator.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await moderator.locator('[data-comment-body] *, [data-comment-author] *').count()).toBe(0);
    const boxes = await moderator.getByRole('checkbox', { name: /Select the comment by/ }).all();
    if (boxes.length === 0) break;
    for (const box of boxes) await box.check();
    await moderator.getByRole('button', { name: 'Approve', exact: true }).click();
    await moderator.waitForURL(/queue=pending/);
  }

  await page.goto(article);
  await expect(page.locator('[data-comment-body]')).toHaveCount(xssPayloads.length);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // Names hold text only; bodies hold paragraphs of text and our own http(s) links.
  expect(await page.locator('[data-comment-author] *').count()).toBe(0);
  const tags = await page
    .locator('[data-comment-body] *')
    .evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
  expect(tags.filter((tag) => tag !== 'P' && tag !== 'A')).toEqual([]);
  const hrefs = await page
    .locator('[data-comment-body] a')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
  for (const link of await page.locator('[data-comment-body] a').all())
    await expect(link).toHaveAttribute('rel', 'ugc nofollow noopener');
  expect(ran).toBe(0);
});

test('20 forged replies, each to the one before, nest no deeper than 5 and the article still works', async ({
  page,
  baseURL,
}) => {
  const article = articleFor(4);
  const html = async () => (await (await fetch(baseURL + article)).text()) as string;
  const postId = /name="postId" value="(\d+)"/.exec(await html())![1];
  // Staff comments are published at once, so each reply can answer the one before it.
  const cookie = await sessionCookie(baseURL!, 'editor@broadsheet.test');
  const newest = async () =>
    Math.max(0, ...[...(await html()).matchAll(/id="comment-(\d+)"/g)].map((m) => Number(m[1])));
  let parentId = '';
  for (let i = 0; i < 21; i++) {
    const { status } = await postComment(
      baseURL!,
      { postId, parentId, name: '', email: '', body: `Nested level ${i + 1}`, token: '' },
      { cookie, headers: network() },
    );
    expect(status).toBe(200);
    parentId = String(await newest());
  }
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(article);
  await expect(page.locator('[data-comment-body]')).toHaveCount(21);
  // Five levels: no comment sits inside five others.
  expect(await page.locator('#comments li li li li li li article').count()).toBe(0);
  expect(await page.locator('#comments li li li li li article').count()).toBeGreaterThan(0);
  await page
    .getByRole('link', { name: /^Reply to/ })
    .last()
    .click();
  await expect(page.getByRole('button', { name: 'Post comment' })).toHaveCount(2);
  expect(errors).toEqual([]);
});
