import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { listApprovedCommentsPage } from '@/db/queries/comments';
import { commentChain } from '@/db/queries/comment-checks';
import { commentDrafts, comments, posts, siteSettings } from '@/db/schema';
import { createAccount } from '@/lib/people/accounts';
import { runShutdownTasks } from '@/lib/shutdown';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { useMailCatcher } from '@/lib/testing/mail-catcher';
import { draftValues, saveDraft } from './drafts';
import { issueFormToken } from './form-token';
import { commentMessages } from './messages';
import { MODERATOR_MAIL_INTERVAL_MS, notifyModerators, notifyModeratorsSoon } from './moderation';
import { MAX_COMMENT_LENGTH } from './rules';
import { commentFormSchema, submitComment } from './submit';
import { buildThreads, type ThreadNode } from './thread';

/** The attacks of the abuse review, sent as forged requests would send them: each must have a bounded outcome. */
const db = useFreshDatabase('comment_abuse');
const now = new Date('2030-06-01T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const mail = useMailCatcher();
let heldPost = 0;
let openPost = 0;

/** A comment form as a request carries it: every field a string, a fresh stamp. */
const send = (postId: number, fields: Record<string, string>, ipHash: string, at = now) =>
  submitComment(
    db(),
    commentFormSchema.parse({ postId: String(postId), token: issueFormToken(at.getTime() - 10_000), ...fields }),
    { ipHash, staff: null, now: at },
  );

beforeAll(async () => {
  const admin = await createAccount(db(), { email: 'mod@example.com', name: 'Mod', role: 'admin' });
  await db().insert(siteSettings).values({ id: 1, title: 'Test', moderationMode: 'hold_all' });
  const rows = await db()
    .insert(posts)
    .values([
      { title: 'Held', slug: 'held', status: 'published', publishedAt: now, authorId: admin.id },
      {
        title: 'Open',
        slug: 'open',
        status: 'published',
        publishedAt: now,
        authorId: admin.id,
        commentsMode: 'approve',
      },
    ])
    .returning({ id: posts.id });
  [heldPost, openPost] = rows.map((row) => row.id);
});

describe('a forged draft', () => {
  it('keeps only the form’s own fields, each within its limit, and counts against the network’s limit', async () => {
    const form = new FormData();
    form.set('postId', String(heldPost));
    form.set('name', 'N'.repeat(100_000));
    form.set('email', `${'e'.repeat(100_000)}@example.com`);
    form.set('body', 'x'.repeat(1024 * 1024));
    form.set('website', 'http://spam.example');
    form.set('token', 'a stamp');
    for (let i = 0; i < 50; i++) form.set(`extra${i}`, 'y'.repeat(1000));
    const id = await saveDraft(
      db(),
      { postId: heldPost, message: 'Too long', fieldErrors: { body: 'Too long' }, values: draftValues(form) },
      'ip-drafts',
      now,
    );
    const [draft] = await db().select().from(commentDrafts).where(eq(commentDrafts.id, id!));
    expect(Object.keys(draft.values).sort()).toEqual(['body', 'email', 'name', 'postId']);
    expect(draft.values.body).toHaveLength(MAX_COMMENT_LENGTH);
    expect(draft.values.name).toHaveLength(80);
    expect(draft.values.email).toHaveLength(200);

    // Four more fill the network's five slots: the next draft is not kept, nor is a comment taken.
    const again = { postId: heldPost, message: 'Too long', values: draft.values };
    for (let i = 0; i < 4; i++) expect(await saveDraft(db(), again, 'ip-drafts', now)).not.toBeNull();
    expect(await saveDraft(db(), again, 'ip-drafts', now)).toBeNull();
    expect(await db().select({ n: count() }).from(commentDrafts)).toEqual([{ n: 5 }]);
    expect(await send(heldPost, { name: 'N', body: 'A real comment' }, 'ip-drafts')).toMatchObject({ ok: false });
  });
});

describe('the honeypot', () => {
  it('answers 30 forged posts as held, counts them, and keeps and mails nothing', async () => {
    const sent = mail().messages.length;
    for (let i = 0; i < 30; i++) {
      const result = await send(
        heldPost,
        { name: 'Bot', body: `Buy now ${i}`, website: 'http://spam.example' },
        'ip-bot',
      );
      expect(result).toMatchObject({ ok: true, status: 'pending', commentId: null });
    }
    expect(await db().select({ n: count() }).from(comments)).toEqual([{ n: 0 }]);
    expect(await notifyModerators(db(), now)).toBe(false);
    expect(mail().messages).toHaveLength(sent);
    // Counted like comments: the network is over its limit.
    expect(await send(heldPost, { name: 'Bot', body: 'Now without the field' }, 'ip-bot')).toMatchObject({
      ok: false,
      message: expect.stringContaining('faster than we allow'),
    });
  });
});

describe('moderator mail', () => {
  it('sends one mail for a burst of held comments, then at most one per interval', async () => {
    const held = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        send(heldPost, { name: `Mallory ${i} <b>`, body: `Held comment ${i}` }, `ip-held-${i}`),
      ),
    );
    expect(held.every((result) => result.ok && result.status === 'pending' && result.commentId)).toBe(true);
    // What each request does once answered; the instances race for the one mail.
    const sent = await Promise.all(held.map(() => notifyModerators(db(), now)));
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(mail().messages).toHaveLength(1);
    const subject = /^Subject: (.*)$/m.exec(mail().messages[0])?.[1];
    expect(subject).toBe(commentMessages.moderators.heldMail(5, []).subject);
    expect(subject).not.toContain('Mallory');
    expect(mail().messages[0]).toContain('5 comments are waiting for moderation');
    expect(mail().messages[0]).toContain('Held comment 4');

    // One more a minute later waits for the interval; the scheduler's tick then sends it, once.
    await send(heldPost, { name: 'Late', body: 'A later one' }, 'ip-late', later(60_000));
    expect(await notifyModerators(db(), later(60_000))).toBe(false);
    expect(await notifyModerators(db(), later(MODERATOR_MAIL_INTERVAL_MS))).toBe(true);
    expect(await notifyModerators(db(), later(3 * MODERATOR_MAIL_INTERVAL_MS))).toBe(false);
    expect(mail().messages).toHaveLength(2);
    expect(mail().messages[1]).toContain('6 comments are waiting');
  });

  it('is sent whole before a stop closes the connections, though the comment was answered before it', async () => {
    const at = later(10 * MODERATOR_MAIL_INTERVAL_MS);
    await send(heldPost, { name: 'Stopping', body: 'Held as the server stops' }, 'ip-stop', at);
    const before = mail().messages.length;
    void notifyModeratorsSoon(db(), at);
    await runShutdownTasks();
    expect(mail().messages).toHaveLength(before + 1);
    expect(mail().messages.at(-1)).toContain('Held as the server stops');
  });
});

describe('nested replies', () => {
  it('never nest deeper than the site’s limit, and the article shows every one', async () => {
    const [root] = await db()
      .insert(comments)
      .values({ postId: openPost, authorName: 'Root', body: 'First', status: 'approved', createdAt: now })
      .returning({ id: comments.id });
    // Each reply answers the one before it, 20 deep, each from another network.
    let parentId = root.id;
    for (let i = 0; i < 20; i++) {
      const result = await send(
        openPost,
        { name: 'Nester', body: `Level ${i + 2}`, parentId: String(parentId) },
        `ip-nest-${i}`,
        later(i * 1000),
      );
      if (!result.ok || !result.commentId) throw new Error(`reply ${i} was refused`);
      parentId = result.commentId;
    }
    const stored = (await listApprovedCommentsPage(db(), openPost, { skip: 0, perPage: 100 }))!.comments;
    expect(stored).toHaveLength(21);
    const depths = await Promise.all(stored.map(async (c) => (await commentChain(db(), c.id)).length));
    expect(Math.max(...depths)).toBe(5);

    const depthOf = (nodes: ThreadNode<{ id: number }>[]): number =>
      nodes.length === 0 ? 0 : 1 + Math.max(...nodes.map((node) => depthOf(node.replies)));
    const size = (nodes: ThreadNode<{ id: number }>[]): number =>
      nodes.reduce((sum, node) => sum + 1 + size(node.replies), 0);
    const threads = buildThreads(stored, 5);
    expect(size(threads)).toBe(21);
    expect(depthOf(threads)).toBe(5);
  });
});
