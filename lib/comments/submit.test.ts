import { and, eq, ne } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockedCommenters, comments, posts, siteSettings } from '@/db/schema';
import { seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createAccount } from '@/lib/people/accounts';
import { issueFormToken } from './form-token';
import { commentFormSchema, submitComment } from './submit';

const db = useFreshDatabase('submit_comment');
const now = new Date('2026-06-01T12:00:00Z');
let postId = 0;
let ipCounter = 0;
const ip = () => `ip-${++ipCounter}`;
const form = (fields: Record<string, string>) =>
  commentFormSchema.parse({ postId: String(postId), token: issueFormToken(now.getTime() - 10_000), ...fields });
const submit = (
  fields: Record<string, string>,
  ipHash = ip(),
  staff: CurrentUser | null = null,
  provenCommentIds: number[] = [],
) => submitComment(db(), form(fields), { ipHash, staff, now, provenCommentIds });

beforeAll(async () => {
  await seedDemoContent(db(), new Date('2026-05-31T00:00:00Z'));
  await db().update(siteSettings).set({ blockedWords: 'idiot', suspectWords: 'casino' });
  const [post] = await db().select({ id: posts.id }).from(posts).where(eq(posts.status, 'published')).limit(1);
  postId = post.id;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('submitComment', () => {
  it('holds a first-time commenter with the reason, then approves her once their browser proves an approved comment', async () => {
    const first = await submit({ name: 'Ona', email: 'ona@example.com', body: 'Good to see the wall repaired.' });
    expect(first).toMatchObject({ ok: true, status: 'pending' });
    const firstId = (first as { commentId: number }).commentId;
    const [row] = await db().select().from(comments).where(eq(comments.id, firstId));
    expect(row.reason).toBe('first comment from this email');
    expect(row.ipHash).toMatch(/^ip-/);
    await db().update(comments).set({ status: 'approved' }).where(eq(comments.id, row.id));

    // Anyone can type Ona's address: without her browser's proof the comment is held as a first one.
    const impostor = await submit({ name: 'Ona', email: 'ona@example.com', body: 'Send money to this account.' });
    expect(impostor).toMatchObject({ ok: true, status: 'pending' });
    // Proof of someone else's comment, or of Ona's comment under another address, proves nothing either.
    expect(
      await submit({ name: 'Ona', email: 'ona@example.com', body: 'Another try.' }, ip(), null, [firstId + 1000]),
    ).toMatchObject({ status: 'pending' });
    expect(
      await submit({ name: 'Ona', email: 'other@example.com', body: 'A third try.' }, ip(), null, [firstId]),
    ).toMatchObject({ status: 'pending' });

    expect(
      await submit({ name: 'Ona', email: 'ona@example.com', body: 'And the steps too.' }, ip(), null, [firstId]),
    ).toMatchObject({ status: 'approved' });
  });

  it('holds three links, rejects a blocked word but keeps a record for moderators', async () => {
    const links = await submit({
      name: 'L',
      email: 'nia@example.com',
      body: 'https://a.example https://b.example https://c.example',
    });
    expect(links).toMatchObject({ ok: true, status: 'pending' });
    const rejected = await submit({ name: 'R', email: 'r@example.com', body: 'You idiot.' });
    expect(rejected).toMatchObject({ ok: false, field: 'body' });
    const [stored] = await db().select().from(comments).where(eq(comments.body, 'You idiot.'));
    expect(stored).toMatchObject({ status: 'rejected', reason: 'blocked word "idiot"' });
  });

  it('answers honeypot catches like a held comment, keeping nothing', async () => {
    const result = await submit({ name: 'Bot', body: 'Great post!!', website: 'http://spam.example' });
    expect(result).toMatchObject({ ok: true, status: 'pending', commentId: null });
    expect(await db().select().from(comments).where(eq(comments.body, 'Great post!!'))).toEqual([]);
  });

  it('asks to press again when the form came back too fast or with no stamp', async () => {
    // The site's minimum time (3 seconds), as everywhere but in the e2e run.
    vi.stubEnv('COMMENT_MIN_SECONDS', '');
    const tooFast = commentFormSchema.parse({
      postId: String(postId),
      name: 'Q',
      body: 'Quick one',
      token: issueFormToken(now.getTime() - 500),
    });
    expect(await submitComment(db(), tooFast, { ipHash: ip(), staff: null, now })).toMatchObject({
      ok: false,
      freshToken: true,
    });
    const noToken = commentFormSchema.parse({ postId: String(postId), name: 'Q', body: 'Quick one' });
    expect(await submitComment(db(), noToken, { ipHash: ip(), staff: null, now })).toMatchObject({
      ok: false,
      freshToken: true,
    });
    // Without JavaScript the stamp comes from the cookie the comment section's pixel set when it was shown.
    const seenStamp = issueFormToken(now.getTime() - 5000);
    expect(await submitComment(db(), noToken, { ipHash: ip(), staff: null, now, seenStamp })).toMatchObject({
      ok: true,
    });
  });

  it('takes COMMENT_MIN_SECONDS, when set, as the minimum time instead of the site setting', async () => {
    const stamped = (ms: number, body: string) =>
      commentFormSchema.parse({ postId: String(postId), name: 'Q', body, token: issueFormToken(now.getTime() - ms) });
    vi.stubEnv('COMMENT_MIN_SECONDS', '0');
    expect(await submitComment(db(), stamped(0, 'At once'), { ipHash: ip(), staff: null, now })).toMatchObject({
      ok: true,
    });
    const noToken = commentFormSchema.parse({ postId: String(postId), name: 'Q', body: 'No stamp at all' });
    expect(await submitComment(db(), noToken, { ipHash: ip(), staff: null, now })).toMatchObject({ ok: false });
    vi.stubEnv('COMMENT_MIN_SECONDS', '10');
    expect(await submitComment(db(), stamped(5000, 'After five'), { ipHash: ip(), staff: null, now })).toMatchObject({
      ok: false,
      freshToken: true,
    });
  });

  it('limits one network to 5 comments in 10 minutes, and refuses duplicates', async () => {
    const network = ip();
    for (let i = 0; i < 5; i++)
      expect(await submit({ name: 'P', body: `Point number ${i}` }, network)).toMatchObject({ ok: true });
    expect(await submit({ name: 'P', body: 'One more point' }, network)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Try again in 10 minutes'),
    });
    expect(await submit({ name: 'P', body: 'Point number 0' })).toMatchObject({ ok: true });
    const again = await submit({ name: 'P', email: 'p@example.com', body: 'Same words' });
    expect(again.ok).toBe(true);
    expect(await submit({ name: 'P', email: 'p@example.com', body: '  same WORDS ' })).toEqual({
      ok: false,
      message: 'You already posted this comment.',
    });
  });

  it('stores exactly the limit when 20 comments from one network arrive at once', async () => {
    const network = ip();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => submit({ name: 'Burst', body: `Burst comment ${i}` }, network)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    const stored = await db().select({ id: comments.id }).from(comments).where(eq(comments.ipHash, network));
    expect(stored).toHaveLength(5);
  });

  it('refuses blocked emails and networks', async () => {
    await db()
      .insert(blockedCommenters)
      .values([
        { kind: 'email', value: 'troll@example.com' },
        { kind: 'ip', value: 'ip-blocked' },
      ]);
    expect(await submit({ name: 'T', email: 'troll@example.com', body: 'Hello there' })).toMatchObject({ ok: false });
    expect(await submit({ name: 'T', body: 'Hello again' }, 'ip-blocked')).toMatchObject({ ok: false });
  });

  it('takes staff comments as the signed-in person, approved at once', async () => {
    const editor = await createAccount(db(), { email: 'ed@example.com', name: 'Ed Itor', role: 'editor' });
    const result = await submit(
      { name: 'ignored', body: 'Correction: the works start Monday.', token: '' },
      ip(),
      editor,
    );
    expect(result).toMatchObject({ ok: true, status: 'approved' });
    const [stored] = await db()
      .select()
      .from(comments)
      .where(eq(comments.id, (result as { commentId: number }).commentId));
    expect(stored).toMatchObject({ authorName: 'Ed Itor', authorEmail: 'ed@example.com', authorUserId: editor.id });
  });

  it('threads replies only under approved comments of the same post', async () => {
    const [approved] = await db()
      .select()
      .from(comments)
      .where(and(eq(comments.status, 'approved'), eq(comments.postId, postId)))
      .limit(1);
    expect(
      await submit({ name: 'Nia', email: 'nia@example.com', body: 'Replying here.', parentId: String(approved.id) }),
    ).toMatchObject({ ok: true });
    const [elsewhere] = await db()
      .select()
      .from(comments)
      .where(and(eq(comments.status, 'approved'), ne(comments.postId, postId)))
      .limit(1);
    expect(await submit({ name: 'Nia', body: 'Wrong thread', parentId: String(elsewhere.id) })).toMatchObject({
      ok: false,
    });
    const [spam] = await db()
      .insert(comments)
      .values({ postId, authorName: 'Bot', body: 'Buy now', status: 'spam' })
      .returning({ id: comments.id });
    expect(await submit({ name: 'Nia', body: 'To spam?', parentId: String(spam.id) })).toMatchObject({ ok: false });
  });

  it('explains length limits', () => {
    const result = commentFormSchema.safeParse({ postId: '1', body: 'x'.repeat(5001) });
    expect(result.error?.issues[0].message).toBe('Keep your comment under 5,000 characters (it has 5,001).');
  });
});
