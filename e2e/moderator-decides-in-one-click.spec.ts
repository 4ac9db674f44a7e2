import { expect, test, type Page } from '@playwright/test';
import { permalinkOf, published } from './demo';
import { answered, sendComment, signInAs, unique } from './fixtures';

// An article no other test comments on, so the comments approved here change nothing another test counts.
const article = published.filter((post) => !post.comments?.length).at(-1)!;
const articlePath = permalinkOf(article.daysAgo, article.slug);
// Set to a folder to keep screenshots of the queue at desktop and phone width.
const shots = process.env.SHOTS_DIR;

/** A comment held for moderation (first-time commenters are held), from a network of its own. */
async function holdComment(baseUrl: string, name: string, body: string) {
  expect((await sendComment(baseUrl, articlePath, { name, body })).status).toBe(200);
}

const row = (page: Page, body: string) => page.getByRole('listitem').filter({ hasText: body });

test('with JavaScript: one click approves, Undo puts it back, and "s" on the focused row marks spam', async ({
  page,
  baseURL,
}) => {
  const marker = unique();
  const [approved, undone, spam] = ['Ana Click', 'Uma Undo', 'Kit Keys'].map((name) => ({
    name: `${name} ${marker}`,
    body: `One-click moderation ${marker} from ${name}`,
  }));
  for (const comment of [approved, undone, spam]) await holdComment(baseURL!, comment.name, comment.body);
  await signInAs(page, 'moderator');
  const queue = `/dashboard/comments?queue=pending&q=${marker}`;
  await page.goto(queue);
  await expect(page.getByText('Keys: a approve · r reject · s spam on the focused comment')).toBeVisible();

  if (shots) {
    await page.goto('/dashboard/comments?queue=pending');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      await page.screenshot({ path: `${shots}/queue-${width}.png` });
      await page.screenshot({ path: `${shots}/queue-${width}-full.png`, fullPage: true });
      // Nothing is wider than the screen: the row buttons wrap.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(queue);
  }

  // The row leaves at once; the decision is the server's answer to the click, awaited before looking elsewhere.
  await answered(page, () => page.getByRole('button', { name: `Approve comment by ${approved.name}` }).click());
  await expect(row(page, approved.body)).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`The comment by ${approved.name} was approved.`);
  // Live within moments of the approval: the cached article is regenerated on the next visits.
  await expect(async () => {
    await page.goto(articlePath);
    await expect(page.locator('#comments')).toContainText(approved.body, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  await page.goto(queue);
  await answered(page, () => page.getByRole('button', { name: `Reject comment by ${undone.name}` }).click());
  await expect(row(page, undone.body)).toBeHidden();
  await answered(page, () => page.getByRole('button', { name: 'Undo' }).click());
  await expect(row(page, undone.body)).toBeVisible();
  await expect(page.getByRole('status')).toBeEmpty();
  await page.goto(queue);
  await expect(row(page, undone.body)).toBeVisible();
  await page.goto(`/dashboard/comments?queue=rejected&q=${marker}`);
  await expect(page.getByText('No comments in this queue.')).toBeVisible();

  // Typing in a field is not a decision; the same key on the focused row is.
  await page.goto(queue);
  await page.getByRole('searchbox', { name: 'Text contains' }).press('s');
  await expect(row(page, spam.body)).toBeVisible();
  await row(page, spam.body).focus();
  await answered(page, () => page.keyboard.press('s'));
  await expect(row(page, spam.body)).toBeHidden();
  await expect(page.getByRole('status')).toContainText(`The comment by ${spam.name} was marked as spam.`);
  await page.goto(`/dashboard/comments?queue=spam&q=${marker}`);
  await expect(row(page, spam.body)).toBeVisible();
  await expect(page.getByRole('button', { name: `Restore comment by ${spam.name}` })).toBeVisible();
});

test('without JavaScript: a row’s Reject button decides and returns to the same queue', async ({
  browser,
  baseURL,
}) => {
  const marker = unique();
  const comment = { name: `Nell Noscript ${marker}`, body: `Rejected without scripts ${marker}` };
  await holdComment(baseURL!, comment.name, comment.body);
  const signedIn = await browser.newContext();
  await signInAs(await signedIn.newPage(), 'moderator');
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  await signedIn.close();
  const page = await context.newPage();
  const queue = `/dashboard/comments?queue=pending&q=${marker}`;
  await page.goto(queue);
  await page.getByRole('button', { name: `Reject comment by ${comment.name}` }).click();
  await expect(page).toHaveURL(queue);
  await expect(page.getByText('No comments in this queue.')).toBeVisible();
  await page.goto(`/dashboard/comments?queue=rejected&q=${marker}`);
  await expect(row(page, comment.body)).toBeVisible();
  await context.close();
});
