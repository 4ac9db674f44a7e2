import { expect, test } from '@playwright/test';
import { postComment } from './comment-post';
import { permalinkOf, published } from './demo';
import { signInAs } from './fixtures';
import { sessionCookie } from './server-actions';

// A post no other spec comments on, given a conversation one page longer than the article shows.
const post = published.filter((candidate) => !candidate.comments?.length)[6];
const article = permalinkOf(post.daysAgo, post.slug);
const threads = 101;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  // Published at once, as staff comments are, one after another: thread 0 is the oldest.
  const cookie = await sessionCookie(baseURL!, 'editor@broadsheet.test');
  const postId = /name="postId" value="(\d+)"/.exec(await (await fetch(baseURL + article)).text())![1];
  for (let i = 0; i < threads; i++) {
    const answer = await postComment(
      baseURL!,
      { postId, name: '', email: '', body: `Thread ${i} of the long one`, token: '' },
      { cookie },
    );
    expect(answer.text).toContain('"published":true');
  }
});

for (const javaScriptEnabled of [true, false]) {
  test(`a reader with JavaScript ${javaScriptEnabled ? 'on' : 'off'} reads the newest comments on the article and the older ones a page away`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(article);
    const comments = page.locator('#comments');
    await expect(comments.getByRole('heading', { level: 2 })).toContainText(`${threads} comments`);
    await expect(comments.locator('[data-comment-body]')).toHaveCount(100);
    await expect(comments.locator('[data-comment-body]').first()).toHaveText('Thread 1 of the long one');
    await expect(comments.locator('[data-comment-body]').last()).toHaveText(`Thread ${threads - 1} of the long one`);
    const pager = comments.getByRole('navigation', { name: 'Pages of comments' });
    await expect(pager).toContainText('Page 1 of 2');

    await pager.getByRole('link', { name: 'Older comments →' }).click();
    await expect(page).toHaveURL(`${article}/comments/2`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(post.title);
    await expect(comments.locator('[data-comment-body]')).toHaveText(['Thread 0 of the long one']);
    await expect(pager).toContainText('Page 2 of 2');
    await pager.getByRole('link', { name: '← Newer comments' }).click();
    await expect(page).toHaveURL(article);
    await context.close();
  });
}

test('an editor’s reply in the oldest thread is shown on that thread’s page, with JavaScript and without', async ({
  page,
  browser,
}) => {
  await signInAs(page, 'editor');
  await page.goto(`${article}/comments/2`);
  const oldest = page.locator('#comments article').first();
  await oldest.getByRole('link', { name: /^Reply/ }).click();
  const replyForm = page.locator('[id^="reply-"]:visible');
  await replyForm.getByLabel('Comment').fill('A reply with scripts, under the oldest thread');
  await replyForm.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('A reply with scripts, under the oldest thread')).toBeVisible();
  await expect(page).toHaveURL(`${article}/comments/2`);

  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const noScript = await context.newPage();
  await noScript.goto(`${article}/comments/2`);
  await noScript
    .locator('#comments article')
    .first()
    .getByRole('link', { name: /^Reply/ })
    .click();
  await expect(noScript).toHaveURL(/\/comments\/\d+\/reply$/);
  // The way back leads to the thread, on its page.
  const back = noScript.locator('p', { hasText: /^On / }).getByRole('link', { name: post.title });
  await expect(back).toHaveAttribute('href', new RegExp(`^${article}/comments/2#comment-\\d+$`));
  // A static page cannot know who is signed in: the name is asked for, and the session still publishes the reply.
  await noScript.getByLabel('Name').fill('Eddie Editor');
  await noScript.getByLabel('Comment').fill('A reply without scripts, under the oldest thread');
  await noScript.getByRole('button', { name: 'Post comment' }).click();
  await expect(noScript).toHaveURL(new RegExp(`${article}/comments/2#comment-\\d+$`));
  await expect(noScript.getByText('A reply without scripts, under the oldest thread')).toBeVisible();
  await context.close();
});
