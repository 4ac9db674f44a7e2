import zlib from 'node:zlib';
import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/seed/demo-accounts';
import { postComment } from './comment-post';

export type Role = 'admin' | 'editor' | 'author' | 'contributor' | 'moderator';

/** Signs in through the real form, as the demo account of a role. */
export async function signInAs(page: Page, role: Role) {
  await signInWith(page, `${role}@broadsheet.test`, DEMO_PASSWORD);
}

/** Signs in through the real form with an account's email and password, and waits for the dashboard. */
export async function signInWith(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeVisible();
}

/** A real 2×2 PNG, for cover uploads. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** A unique suffix, so tests running side by side never write the same slug. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Today's /YYYY/MM in UTC (the demo site's time zone). */
export function thisMonth(): string {
  const now = new Date();
  return `/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The editor is interactive once its formatting toolbar has mounted (before that, it is a plain form). */
export async function openEditor(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
}

/** Writes a new post with a title and one paragraph, and presses Publish (the author or editor is signed in on `page`). */
export async function publishNewPost(page: Page, { title, body }: { title: string; body: string }) {
  await openEditor(page, '/dashboard/posts/new');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('textbox', { name: 'Body' }).click();
  await page.keyboard.type(body);
  await page.getByRole('button', { name: 'Publish' }).click();
}

/** An admin creates an account on the People page (the admin must be signed in on `page`). */
export async function createAccountAs(
  page: Page,
  account: { name: string; email: string; role: Role; password: string },
) {
  await page.goto('/dashboard/people');
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Role', { exact: true }).selectOption(account.role);
  await page.getByLabel('Initial password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `${account.name} can now sign in as ${account.role}.` }),
  ).toBeVisible();
}

/** Fills the new-ad form (the admin is on /dashboard/ads/new); with `image`, uploads a PNG of that size. */
export async function fillNewAd(
  page: Page,
  ad: {
    advertiser: string;
    slot: string;
    headline: string;
    altText: string;
    targetUrl: string;
    image?: { width: number; height: number };
  },
) {
  await page.getByLabel('Advertiser').fill(ad.advertiser);
  await page.getByLabel('Slot').selectOption({ label: ad.slot });
  await page.getByLabel('Headline').fill(ad.headline);
  await page.getByLabel('Alt text').fill(ad.altText);
  await page.getByLabel('Target URL').fill(ad.targetUrl);
  if (ad.image) {
    await page
      .getByLabel('Image')
      .setInputFiles({ name: 'ad.png', mimeType: 'image/png', buffer: makePng(ad.image.width, ad.image.height) });
  }
}

/** A real PNG of the given size (one flat colour), for uploads that must match a slot's size. */
export function makePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x2a)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Sends a comment as the article's form would, from a network of its own (or the one `from` names); returns the
 * endpoint's answer (its status, and its text, in which `"status":"ok"` means the comment was taken).
 */
export async function sendComment(
  baseUrl: string,
  articlePath: string,
  {
    name,
    body,
    email = `${unique()}@example.com`,
    from,
  }: { name: string; body: string; email?: string; from?: string },
) {
  const html = await (await fetch(baseUrl + articlePath)).text();
  const postId = /name="postId" value="(\d+)"/.exec(html)![1];
  const { token } = (await (await fetch(`${baseUrl}/api/comments/token`)).json()) as { token: string };
  const network = from ?? `10.202.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  return postComment(baseUrl, { postId, name, email, body, token }, { headers: { 'x-forwarded-for': network } });
}

/** A moderator approves the pending comment found by its text, ticking it and pressing "Approve" (works without JavaScript). */
export async function approveInQueue(page: Page, text: string) {
  await page.goto(`/dashboard/comments?queue=pending&q=${encodeURIComponent(text)}`);
  await page
    .getByRole('checkbox', { name: /Select the comment by/ })
    .first()
    .check();
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText('No comments in this queue.')).toBeVisible();
}

/**
 * Does what `act` does and waits for the server's answer to the POST it sends (a server action or, before
 * hydration, the form itself): a page closed before then may take the request down with it.
 */
export async function answered(page: Page, act: () => Promise<void>): Promise<void> {
  const answer = page.waitForResponse((response) => response.request().method() === 'POST');
  await act();
  await answer;
}
