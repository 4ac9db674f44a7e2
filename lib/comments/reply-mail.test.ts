import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { comments, posts, replyFollowers, replySends, siteSettings } from '@/db/schema';
import { startQueue, stopQueue } from '@/lib/jobs/queue';
import { mailInFlight } from '@/lib/mail';
import { createAccount } from '@/lib/people/accounts';
import { seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { useMailCatcher } from '@/lib/testing/mail-catcher';
import { draftValues } from './drafts';
import { issueFormToken } from './form-token';
import { commentMessages } from './messages';
import { moderate, undoDecision } from './moderation';
import { replyFollowerIdOf, replyFollowerToken } from './reply-links';
import { loadReplyStopPage, stopRepliesFromLink } from './reply-pages';
import {
  askForReplies,
  confirmReplies,
  forgetReplyFollower,
  queueMissedReplyMails,
  queueReplyMails,
  sendReplyMail,
} from './reply-mail';
import { commentFormSchema, submitComment } from './submit';

const db = useFreshDatabase('reply_mail');
const mail = useMailCatcher();
let postId = 0;
let moderatorId = '';
let ipCounter = 0;
const worked: number[] = [];

beforeAll(async () => {
  await seedDemoContent(db(), new Date('2026-05-31T00:00:00Z'));
  // Every comment is held: the moderator's approval is what sends the mail.
  await db().update(siteSettings).set({ moderationMode: 'hold_all' });
  const [post] = await db().select({ id: posts.id }).from(posts).where(eq(posts.status, 'published')).limit(1);
  postId = post.id;
  moderatorId = (await createAccount(db(), { email: 'mo@example.com', name: 'Mo Derator', role: 'moderator' })).id;
  // The job's own worker, on the real queue: approving only queues, the worker mails.
  const queue = await startQueue({ background: true, pollingIntervalSeconds: 0.5 });
  await queue.work('email-reply', async ({ replyId }) => {
    await sendReplyMail(db(), replyId);
    worked.push(replyId);
  });
});
afterAll(async () => {
  await stopQueue();
});

const now = () => new Date();
const submit = (fields: Record<string, string>) =>
  submitComment(
    db(),
    commentFormSchema.parse({ postId: String(postId), token: issueFormToken(Date.now() - 10_000), ...fields }),
    { ipHash: `ip-${++ipCounter}`, staff: null, now: now() },
  );
const idOf = (result: Awaited<ReturnType<typeof submit>>) => {
  if (!result.ok || !result.commentId) throw new Error(`not stored: ${JSON.stringify(result)}`);
  return result.commentId;
};
const mailsTo = (email: string) =>
  mail()
    .mails.filter((m) => m.to.includes(email))
    .map((m) => m.raw);
async function waitForMails(email: string, count: number): Promise<string[]> {
  await vi.waitFor(() => expect(mailsTo(email).length).toBeGreaterThanOrEqual(count), { timeout: 15_000 });
  return mailsTo(email);
}
const confirmToken = (raw: string) => /\/replies\/confirm\/([\w-]+)/.exec(raw)?.[1] ?? null;
/** Three polling rounds: long enough for a job that would mail twice to do so. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('Email me replies', () => {
  it('asks for an email only when the box is ticked, and keeps the tick in a refused form', async () => {
    expect(await submit({ name: 'Ana', body: 'No address, no box.' })).toMatchObject({ ok: true });
    expect(await submit({ name: 'Ana', body: 'No address, but the box.', notifyReplies: 'yes' })).toEqual({
      ok: false,
      field: 'email',
      message: commentMessages.form.emailForReplies,
    });
    const sent = new FormData();
    for (const [name, value] of Object.entries({ postId: '1', name: 'Ana', notifyReplies: 'yes', website: 'x' }))
      sent.set(name, value);
    expect(draftValues(sent)).toEqual({ postId: '1', name: 'Ana', notifyReplies: 'yes' });
  });

  it('confirms an address once by a POSTed token, mails an approved reply once, never a reply of one’s own', async () => {
    const ana = 'ana@example.com';
    const parentId = idOf(await submit({ name: 'Ana', email: ana, body: 'The wall held.', notifyReplies: 'yes' }));
    await mailInFlight();
    const [confirmation] = await waitForMails(ana, 1);
    expect(confirmation).toContain('Subject: Confirm that you want replies');
    const token = confirmToken(confirmation)!;
    const [row] = await db().select().from(replyFollowers).where(eq(replyFollowers.email, ana));
    expect(row.status).toBe('pending');
    expect(row.confirmTokenHash).not.toContain(token);
    expect(await confirmReplies(db(), token)).toBe(row.id);
    expect(await confirmReplies(db(), token)).toBeNull();
    await moderate(db(), moderatorId, [parentId], 'approve');

    // A later tick from a confirmed address needs no new confirmation.
    await submit({ name: 'Ana', email: ana, body: 'And the steps.', notifyReplies: 'yes' });
    await mailInFlight();
    expect(mailsTo(ana)).toHaveLength(1);

    // Ana answering her own comment mails nobody.
    const own = idOf(
      await submit({ name: 'Ana', email: 'ANA@example.com', body: 'Me again.', parentId: String(parentId) }),
    );
    const reply = idOf(
      await submit({
        name: 'Bo <script>alert(1)</script>\r\nBcc: victim@example.com',
        email: 'bo@example.com',
        body: 'I <b>disagree</b> & so does the harbour master.',
        parentId: String(parentId),
      }),
    );
    await moderate(db(), moderatorId, [own, reply], 'approve');
    await vi.waitFor(() => expect(worked).toEqual(expect.arrayContaining([own, reply])), { timeout: 15_000 });
    const [, replyMail] = await waitForMails(ana, 2);
    expect(mailsTo(ana)).toHaveLength(2);
    expect(mail().mails.filter((m) => m.to.includes('victim@example.com'))).toHaveLength(0);
    expect(replyMail).not.toMatch(/^Bcc:/m);
    // The plain text part says what was written; the HTML part escapes every bit of it.
    const [textPart, htmlPart] = replyMail.split('Content-Type: text/html');
    expect(textPart).toContain('I <b>disagree</b> & so does the harbour master.');
    expect(htmlPart).toContain('I &lt;b&gt;disagree&lt;/b&gt; &amp; so does the harbour master.');
    expect(htmlPart).toContain('Bo &lt;script&gt;');
    expect(htmlPart).not.toContain('<script>');
    expect(htmlPart).not.toContain('<b>');
    expect(replyMail).toMatch(new RegExp(`/\\d{4}/\\d{2}/[\\w-]+#comment-${reply}`));
    expect(replyMail).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const [sendRow] = await db().select().from(replySends).where(eq(replySends.replyId, reply));
    expect(sendRow.status).toBe('sent');

    // Undone and approved again, sent again by hand, or by a second job: still one mail.
    expect(await undoDecision(db(), moderatorId, reply)).not.toBeNull();
    await moderate(db(), moderatorId, [reply], 'approve');
    expect(await sendReplyMail(db(), reply)).toBe('already');
    await settle();
    expect(mailsTo(ana)).toHaveLength(2);

    // The one-click unsubscribe stops reply mail for the address.
    const oneClick = /^List-Unsubscribe: <([^>]+)>/m.exec(replyMail.replace(/\r\n[ \t]+/g, ' '))![1];
    const linkToken = oneClick.split('/').at(-1)!;
    expect(replyFollowerIdOf(linkToken)).toBe(row.id);
    expect(await stopRepliesFromLink(`${row.id}.${'x'.repeat(43)}`)).toBe(false);
    expect(await stopRepliesFromLink(linkToken)).toBe(true);
    const later = idOf(
      await submit({ name: 'Cy', email: 'cy@example.com', body: 'Late.', parentId: String(parentId) }),
    );
    expect(await sendReplyMail(db(), later)).toBe('skipped');
  });

  it('mails the author of the comment answered at the deepest level, where the reply is shown beside it', async () => {
    const [{ maxReplyDepth }] = await db().select().from(siteSettings);
    await db().update(siteSettings).set({ maxReplyDepth: 2 });
    try {
      const gil = 'gil@example.com';
      const top = idOf(await submit({ name: 'Fay', email: 'fay@example.com', body: 'Top.', notifyReplies: 'yes' }));
      await moderate(db(), moderatorId, [top], 'approve');
      const mid = idOf(
        await submit({ name: 'Gil', email: gil, body: 'Middle.', parentId: String(top), notifyReplies: 'yes' }),
      );
      await mailInFlight();
      // Both asked and confirmed: the mail must pick the one answered, not the thread's top.
      for (const email of [gil, 'fay@example.com'])
        expect(await confirmReplies(db(), confirmToken((await waitForMails(email, 1))[0])!)).not.toBeNull();
      await moderate(db(), moderatorId, [mid], 'approve');
      const deep = idOf(
        await submit({ name: 'Hal', email: 'hal@example.com', body: 'To Gil.', parentId: String(mid) }),
      );
      const [stored] = await db().select().from(comments).where(eq(comments.id, deep));
      expect(stored).toMatchObject({ parentId: top, replyToId: mid });
      await moderate(db(), moderatorId, [deep], 'approve');
      const [, replyMail] = await waitForMails(gil, 2);
      expect(replyMail).toContain('To Gil.');
      await settle();
      expect(mailsTo('fay@example.com').filter((m) => m.includes('To Gil.'))).toHaveLength(0);
    } finally {
      await db().update(siteSettings).set({ maxReplyDepth });
    }
  });

  it('the sweep queues the mail of a reply approved in the last hour without one, and only that once', async () => {
    const ivy = 'ivy@example.com';
    const parentId = idOf(await submit({ name: 'Ivy', email: ivy, body: 'Asked.', notifyReplies: 'yes' }));
    await mailInFlight();
    expect(await confirmReplies(db(), confirmToken((await waitForMails(ivy, 1))[0])!)).not.toBeNull();
    await moderate(db(), moderatorId, [parentId], 'approve');
    const reply = idOf(
      await submit({ name: 'Jo', email: 'jo@example.com', body: 'Lost job.', parentId: String(parentId) }),
    );
    // Approved without its job, as when the server stopped between the two.
    await db().update(comments).set({ status: 'approved' }).where(eq(comments.id, reply));
    expect(await queueMissedReplyMails(db())).toBe(1);
    const [, replyMail] = await waitForMails(ivy, 2);
    expect(replyMail).toContain('Lost job.');
    await vi.waitFor(async () =>
      expect((await db().select().from(replySends).where(eq(replySends.replyId, reply)))[0]?.status).toBe('sent'),
    );
    expect(await queueMissedReplyMails(db())).toBe(0);
    // An hour later a reply approved then is no longer looked for.
    const old = idOf(
      await submit({ name: 'Kai', email: 'kai@example.com', body: 'Older.', parentId: String(parentId) }),
    );
    await db().update(comments).set({ status: 'approved' }).where(eq(comments.id, old));
    expect(await queueMissedReplyMails(db(), new Date(Date.now() + 61 * 60_000))).toBe(0);
  });

  it('"Forget me" deletes the follower and its reply mail records and stops its comments asking; the comments stay', async () => {
    const asked = async (name: string, email: string, body: string) => {
      const id = idOf(await submit({ name, email, body, notifyReplies: 'yes' }));
      await db().update(comments).set({ status: 'approved' }).where(eq(comments.id, id));
      return id;
    };
    const replyTo = async (parentId: number, body: string) => {
      const id = idOf(await submit({ name: 'Ola', email: 'ola@example.com', body, parentId: String(parentId) }));
      await db().update(comments).set({ status: 'approved' }).where(eq(comments.id, id));
      return id;
    };
    const lee = 'lee@example.com';
    const max = 'max@example.com';
    const leeFirst = await asked('Lee', lee, 'First of Lee.');
    const maxs = await asked('Max', max, 'Max asks too.');
    await mailInFlight();
    for (const email of [lee, max])
      expect(await confirmReplies(db(), confirmToken((await waitForMails(email, 1))[0])!)).not.toBeNull();
    const leeSecond = await asked('Lee', lee, 'Second of Lee.');
    const toLee = [await replyTo(leeFirst, 'To Lee, one.'), await replyTo(leeSecond, 'To Lee, two.')];
    const toMax = await replyTo(maxs, 'To Max.');
    for (const reply of [...toLee, toMax]) expect(await sendReplyMail(db(), reply)).toBe('sent');
    const [leeRow] = await db().select().from(replyFollowers).where(eq(replyFollowers.email, lee));
    const token = replyFollowerToken(leeRow.id);
    expect(await loadReplyStopPage(token)).toEqual({ receiving: true });

    expect(await forgetReplyFollower(db(), leeRow.id)).toBe(true);
    expect(await db().select().from(replyFollowers).where(eq(replyFollowers.email, lee))).toHaveLength(0);
    expect(await db().select().from(replySends).where(inArray(replySends.replyId, toLee))).toHaveLength(0);
    const leeComments = await db()
      .select()
      .from(comments)
      .where(inArray(comments.id, [leeFirst, leeSecond]));
    expect(leeComments.map((c) => [c.body, c.status, c.notifyReplies])).toEqual(
      expect.arrayContaining([
        ['First of Lee.', 'approved', false],
        ['Second of Lee.', 'approved', false],
      ]),
    );
    // The replies to Lee stay too, and Max, who asked as well, keeps everything.
    expect(await db().select().from(comments).where(inArray(comments.id, toLee))).toHaveLength(2);
    expect(await db().select().from(replySends).where(eq(replySends.replyId, toMax))).toHaveLength(1);
    const [maxRow] = await db().select().from(replyFollowers).where(eq(replyFollowers.email, max));
    expect(maxRow.status).toBe('confirmed');
    const [maxComment] = await db().select().from(comments).where(eq(comments.id, maxs));
    expect(maxComment.notifyReplies).toBe(true);

    // The link names nobody now: its page is gone, forgetting again finds nothing, and a new reply mails no one.
    expect(await loadReplyStopPage(token)).toBeNull();
    expect(await forgetReplyFollower(db(), leeRow.id)).toBe(false);
    const later = await replyTo(leeFirst, 'To Lee, after.');
    expect(await queueReplyMails(db(), [later])).toBe(0);
    expect(await sendReplyMail(db(), later)).toBe('skipped');
    // Asking again, on a later comment, starts over with a confirmation.
    expect(await askForReplies(db(), lee, 'Site')).toBe('mailed');
  });

  it('mails nothing to an address that never confirmed, and a deferred delivery goes once when it passes', async () => {
    const dee = 'dee@example.com';
    const parentId = idOf(await submit({ name: 'Dee', email: dee, body: 'Unconfirmed.', notifyReplies: 'yes' }));
    // Its first link arrives before the second is asked for (the pool's connections may deliver out of order).
    await waitForMails(dee, 1);
    await moderate(db(), moderatorId, [parentId], 'approve');
    const first = idOf(
      await submit({ name: 'Ed', email: 'ed@example.com', body: 'Hello.', parentId: String(parentId) }),
    );
    await db().update(comments).set({ status: 'approved' }).where(eq(comments.id, first));
    expect(await sendReplyMail(db(), first)).toBe('skipped');

    expect(await askForReplies(db(), dee, 'Site')).toBe('mailed');
    await mailInFlight();
    const token = confirmToken((await waitForMails(dee, 2)).at(-1)!)!;
    expect(await confirmReplies(db(), token)).not.toBeNull();
    expect(await askForReplies(db(), dee, 'Site')).toBe('confirmed');

    const second = idOf(
      await submit({ name: 'Ed', email: 'ed@example.com', body: 'Again.', parentId: String(parentId) }),
    );
    await db().update(comments).set({ status: 'approved' }).where(eq(comments.id, second));
    mail().refuse(dee, 451);
    expect(await sendReplyMail(db(), second)).toBe('deferred');
    mail().refuse(dee, null);
    const before = mailsTo(dee).length;
    const [a, b] = await Promise.all([sendReplyMail(db(), second), sendReplyMail(db(), second)]);
    expect([a, b].sort()).toEqual(['already', 'sent']);
    expect(mailsTo(dee)).toHaveLength(before + 1);
  });
});
