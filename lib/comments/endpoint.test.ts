import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, desc, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentDrafts, comments, posts, users } from '@/db/schema';
import { postPath } from '@/lib/posts/permalink';
import { answerBeforeNext, answerWebRequest } from '@/lib/request/front';
import { seedDemoAccounts, seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { provenCommentIds } from './commenter-proof';
import { commentRoute } from './endpoint';
import { issueFormToken } from './form-token';
import { commentMessages } from './messages';
import { THREADS_PER_PAGE } from './thread';

const db = useFreshDatabase('comment_endpoint');

// A server whose own listener stands for Next: it answers everything it is handed with 200 "next", and keeps the
// revalidations asked of /api/scheduler.
let server: http.Server;
let base: string;
let uninstall: () => void;
const revalidated: unknown[] = [];
let post: { id: number; path: string };
beforeAll(async () => {
  uninstall = answerBeforeNext([commentRoute]);
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url !== '/api/scheduler') return response.end('next');
      revalidated.push(JSON.parse(Buffer.concat(chunks).toString()));
      response.end('next');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Each test reader comes through a proxy from a network of its own (X-Forwarded-For).
  Object.assign(process.env, { SCHEDULER_URL: base, TRUST_PROXY: '1' });
  await seedDemoContent(db());
  await seedDemoAccounts(db());
  const [newest] = await db()
    .select({ id: posts.id, slug: posts.slug, publishedAt: posts.publishedAt })
    .from(posts)
    .where(eq(posts.status, 'published'))
    .orderBy(desc(posts.publishedAt))
    .limit(1);
  post = { id: newest.id, path: postPath({ slug: newest.slug, publishedAt: newest.publishedAt! }, 'UTC') };
});
afterAll(async () => {
  uninstall();
  delete process.env.SCHEDULER_URL;
  delete process.env.TRUST_PROXY;
  await new Promise((resolve) => server.close(resolve));
});

let network = 0;
/** A new reader's form, shown a minute ago, from a network of its own unless `from` is given. */
function form(fields: Record<string, string> = {}) {
  return {
    postId: String(post.id),
    name: 'Rowan Reader',
    email: '',
    body: `The ferry timetable ${Math.random()}`,
    token: issueFormToken(Date.now() - 60_000),
    ...fields,
  };
}

type Send = { json?: boolean; origin?: string | null; cookie?: string; from?: string; body?: BodyInit; type?: string };
function send(fields: Record<string, string>, { json = true, origin = base, cookie, from, body, type }: Send = {}) {
  const headers: Record<string, string> = { 'x-forwarded-for': from ?? `10.9.${network >> 8}.${network++ & 255}` };
  if (origin) headers.origin = origin;
  if (json) headers.accept = 'application/json';
  if (cookie) headers.cookie = cookie;
  if (type) headers['content-type'] = type;
  return fetch(`${base}/api/comments`, {
    method: 'POST',
    redirect: 'manual',
    headers,
    body: body ?? new URLSearchParams(fields),
  });
}

async function sessionOf(email: string, signedInAt = Date.now()) {
  const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  const token = await encode({
    token: { sub: user.id, signedInAt },
    secret: process.env.AUTH_SECRET!,
    salt: 'authjs.session-token',
  });
  return { id: user.id, cookie: `authjs.session-token=${token}` };
}

const storedWith = async (body: string) => db().select().from(comments).where(eq(comments.body, body));

describe('the comment endpoint, with JavaScript (JSON)', () => {
  it('takes a reader’s comment, holds it, answers with a fresh stamp and keeps the proof as a cookie', async () => {
    revalidated.length = 0;
    const fields = form({ email: `rowan-${Date.now()}@example.com` });
    const answer = await send(fields);
    expect(answer.status).toBe(200);
    // The headers Next gives its own answers, though Next never saw this one.
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toContain("object-src 'none'");
    const state = await answer.json();
    expect(state).toMatchObject({
      status: 'ok',
      message: commentMessages.posted.pending,
      values: {},
      published: false,
    });
    expect(state.token).toMatch(/\S/);
    const [stored] = await storedWith(fields.body);
    expect(stored).toMatchObject({ status: 'pending', authorName: 'Rowan Reader', postId: post.id });
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^commenter=.+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=lax$/);
    expect(provenCommentIds(decodeURIComponent(/^commenter=([^;]+)/.exec(cookie)![1]))).toEqual([stored.id]);
    expect(revalidated).toEqual([]);
  });

  it('refuses a comment with what was typed kept and the field marked, and stores nothing', async () => {
    const empty = await (await send(form({ name: 'Cross Reader', body: ' ' }))).json();
    expect(empty).toMatchObject({
      status: 'error',
      message: commentMessages.form.invalid,
      fieldErrors: { body: commentMessages.form.emptyBody },
      values: { name: 'Cross Reader', body: ' ' },
    });
    expect(empty.token).toMatch(/\S/);

    const rude = `You scoundrel ${Date.now()}`;
    const refused = await (await send(form({ body: rude }))).json();
    expect(refused).toMatchObject({ status: 'error', fieldErrors: { body: expect.stringContaining('scoundrel') } });
    expect(refused.values.body).toBe(rude);
    expect((await storedWith(rude)).every((row) => row.status === 'rejected')).toBe(true);
  });

  it('publishes a signed-in staff member’s comment under their name and refreshes the article first', async () => {
    revalidated.length = 0;
    const editor = await sessionOf('editor@broadsheet.test');
    const fields = form({ name: '', email: '', token: '' });
    const state = await (await send(fields, { cookie: editor.cookie })).json();
    expect(state).toMatchObject({ status: 'ok', message: commentMessages.posted.approved, published: true });
    const [stored] = await storedWith(fields.body);
    expect(stored).toMatchObject({ status: 'approved', authorUserId: editor.id });
    expect(revalidated).toEqual([{ comments: [post.id] }]);
  });

  it('treats a session of a deactivated account, or older than a password reset, as no session', async () => {
    const author = await sessionOf('author@broadsheet.test', Date.now() - 60_000);
    await db().update(users).set({ sessionsValidFrom: new Date() }).where(eq(users.id, author.id));
    const fields = { ...form({ name: '' }), token: '' };
    expect(await (await send(fields, { cookie: author.cookie })).json()).toMatchObject({
      status: 'error',
      fieldErrors: { name: commentMessages.form.nameRequired },
    });
    const editor = await sessionOf('editor@broadsheet.test');
    await db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, editor.id));
    try {
      expect(await (await send(fields, { cookie: editor.cookie })).json()).toMatchObject({ status: 'error' });
      expect(await storedWith(fields.body)).toEqual([]);
    } finally {
      await db().update(users).set({ deactivatedAt: null }).where(eq(users.id, editor.id));
    }
  });

  it('takes five comments from one network in ten minutes, and refuses the sixth', async () => {
    const from = '10.77.0.1';
    for (let i = 0; i < 5; i++) expect((await (await send(form(), { from })).json()).status).toBe('ok');
    const sixth = await (await send(form(), { from })).json();
    expect(sixth).toMatchObject({ status: 'error', message: commentMessages.refused.tooMany(10) });
  });

  it('reads a multipart form as well', async () => {
    const fields = form();
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    expect((await (await send({}, { body })).json()).status).toBe('ok');
    expect(await storedWith(fields.body)).toHaveLength(1);
  });
});

describe('the comment endpoint, without JavaScript (a plain form post)', () => {
  it('sends the reader to the held note with the proof kept, or to the new comment', async () => {
    const held = await send(form(), { json: false });
    expect(held.status).toBe(303);
    expect(held.headers.get('location')).toBe(`${post.path}#comment-held`);
    expect(held.headers.get('set-cookie')).toMatch(/^commenter=/);

    const editor = await sessionOf('editor@broadsheet.test');
    const fields = form({ name: '', token: '' });
    const published = await send(fields, { json: false, cookie: editor.cookie });
    const [stored] = await storedWith(fields.body);
    expect(published.headers.get('location')).toBe(`${post.path}#comment-${stored.id}`);
  });

  it('sends a reply in a thread on an older page of comments to that page, and a new thread to the article', async () => {
    const [older] = await db()
      .select({ id: posts.id, slug: posts.slug, publishedAt: posts.publishedAt })
      .from(posts)
      .where(eq(posts.status, 'published'))
      .orderBy(asc(posts.publishedAt))
      .limit(1);
    const path = postPath({ slug: older.slug, publishedAt: older.publishedAt! }, 'UTC');
    // One thread, then a page's worth of newer ones: the first is on page 2.
    const approved = (i: number) => ({
      postId: older.id,
      authorName: `Reader ${i}`,
      body: `Thread ${i}`,
      status: 'approved' as const,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    });
    const [first] = await db().insert(comments).values(approved(0)).returning({ id: comments.id });
    await db()
      .insert(comments)
      .values(Array.from({ length: THREADS_PER_PAGE }, (_, i) => approved(i + 1)));

    const editor = await sessionOf('editor@broadsheet.test');
    const reply = form({ name: '', token: '', postId: String(older.id), parentId: String(first.id) });
    const sent = await send(reply, { json: false, cookie: editor.cookie });
    const [stored] = await storedWith(reply.body);
    expect(sent.headers.get('location')).toBe(`${path}/comments/2#comment-${stored.id}`);

    const withScript = form({ name: '', token: '', postId: String(older.id), parentId: String(first.id) });
    const state = await (await send(withScript, { cookie: editor.cookie })).json();
    const [storedToo] = await storedWith(withScript.body);
    expect(state.address).toBe(`${path}/comments/2#comment-${storedToo.id}`);

    const thread = form({ name: '', token: '', postId: String(older.id) });
    const started = await send(thread, { json: false, cookie: editor.cookie });
    const [newest] = await storedWith(thread.body);
    expect(started.headers.get('location')).toBe(`${path}#comment-${newest.id}`);
  });

  it('keeps a refused comment as a draft for the page that says why, and discards it once the comment is taken', async () => {
    const fields = form({ token: issueFormToken(), name: 'Nora Noscript' });
    const refused = await send(fields, { json: false });
    expect(refused.status).toBe(303);
    const draftId = /^\/comments\/draft\/([\w-]+)$/.exec(refused.headers.get('location')!)![1];
    const [draft] = await db().select().from(commentDrafts).where(eq(commentDrafts.id, draftId));
    expect(draft).toMatchObject({ postId: post.id, message: commentMessages.refused.pressAgain });
    expect(draft.values).toMatchObject({ name: 'Nora Noscript', body: fields.body });

    expect((await send(form({ body: fields.body, draftId }), { json: false })).status).toBe(303);
    expect(await db().select().from(commentDrafts).where(eq(commentDrafts.id, draftId))).toEqual([]);
  });

  it('answers 404 for a form naming no post', async () => {
    expect((await send(form({ postId: 'x' }), { json: false })).status).toBe(404);
  });
});

describe('the comment endpoint refuses', () => {
  it('a post from another site, or with no origin, with 403', async () => {
    const fields = form();
    expect((await send(fields, { origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await send(fields, { origin: null })).status).toBe(403);
    expect(await storedWith(fields.body)).toEqual([]);
  });

  it('a body over its limit with 413, and one that is not a form with 400', async () => {
    expect((await send(form({ body: 'x'.repeat(70_000) }))).status).toBe(413);
    const json = await send({}, { body: JSON.stringify(form()), type: 'application/json' });
    expect(json.status).toBe(400);
  });

  it('nothing else: other requests go to Next', async () => {
    expect(await (await fetch(`${base}/api/comments`)).text()).toBe('next');
    expect(await (await fetch(`${base}/api/comments/token`, { method: 'POST' })).text()).toBe('next');
  });
});

describe('the comment route inside Next (while the server starts)', () => {
  const request = (body: string | URLSearchParams, origin: string) =>
    new Request(`${base}/api/comments`, {
      method: 'POST',
      headers: { origin, host: new URL(base).host, accept: 'application/json' },
      body,
    });

  it('answers as the front does', async () => {
    expect((await answerWebRequest(commentRoute, request('', 'https://elsewhere.example'))).status).toBe(403);
    expect((await answerWebRequest(commentRoute, request('x'.repeat(70_000), base))).status).toBe(413);
    const fields = new URLSearchParams(form());
    const answer = await answerWebRequest(commentRoute, request(fields, base));
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toMatchObject({ status: 'ok' });
  });
});
