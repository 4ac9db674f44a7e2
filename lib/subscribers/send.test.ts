import { eq } from 'drizzle-orm';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labels, postLabels, postSends, posts, subscriberLabels, subscribers } from '@/db/schema';
import { stopQueue } from '@/lib/jobs/queue';
import { deliver, type Mail } from '@/lib/mail';
import { createAccount } from '@/lib/people/accounts';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { useMailCatcher } from '@/lib/testing/mail-catcher';
import { subscriberIdOf } from './links';
import { queueFollowerMail, queueMissedFollowerMail, resendFailed, sendingReport } from './mailing';
import { unsubscribeFromLink } from './pages';
import { sendPostToFollowers } from './send';

const db = useFreshDatabase('send');
const mail = useMailCatcher();
let authorId: string;
let labelIds: Record<string, number>;
beforeAll(async () => {
  authorId = (
    await createAccount(db(), {
      email: 'ed@example.com',
      name: 'Eda Byline',
      role: 'editor',
      password: 'a long password here',
    })
  ).id;
  const rows = await db()
    .insert(labels)
    .values([
      { name: 'Harbour', slug: 'harbour' },
      { name: 'Tides', slug: 'tides' },
    ])
    .returning();
  labelIds = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
});
afterAll(async () => {
  await stopQueue();
});

let posted = 0;
async function publishedPost(
  labelSlugs: string[] = [],
  extra: Partial<typeof posts.$inferInsert> = {},
): Promise<number> {
  posted++;
  const [post] = await db()
    .insert(posts)
    .values({
      title: `Story ${posted}: the tide & the town`,
      slug: `story-${posted}`,
      excerpt: 'What happened at the harbour.',
      bodyHtml: '<p>Body with <a href="/2026/01/other">a link</a>.</p>',
      coverImage: '/uploads/covers/tide.png',
      status: 'published',
      publishedAt: new Date('2026-11-20T10:00:00Z'),
      authorId,
      ...extra,
    })
    .returning({ id: posts.id });
  if (labelSlugs.length > 0)
    await db()
      .insert(postLabels)
      .values(labelSlugs.map((slug) => ({ postId: post.id, labelId: labelIds[slug] })));
  return post.id;
}

async function subscriber(
  email: string,
  {
    status = 'confirmed',
    wholeSite = true,
    follows = [] as string[],
  }: { status?: 'confirmed' | 'pending' | 'unsubscribed'; wholeSite?: boolean; follows?: string[] } = {},
): Promise<number> {
  const [row] = await db().insert(subscribers).values({ email, status, wholeSite }).returning({ id: subscribers.id });
  if (follows.length > 0)
    await db()
      .insert(subscriberLabels)
      .values(follows.map((slug) => ({ subscriberId: row.id, labelId: labelIds[slug] })));
  return row.id;
}

/** Long headers are folded onto continuation lines: read them whole. */
const unfolded = (raw: string) => raw.replace(/\r\n[ \t]+/g, ' ');
const countBy = (mails: { to: string[] }[]) => {
  const counts: Record<string, number> = {};
  for (const m of mails) for (const to of m.to) counts[to] = (counts[to] ?? 0) + 1;
  return counts;
};

describe('mailing a story to its followers', () => {
  it('sends exactly one mail to each confirmed follower of the site or of one of its labels, with both parts and one-click headers', async () => {
    await subscriber('site@example.com');
    await subscriber('harbour@example.com', { wholeSite: false, follows: ['harbour'] });
    await subscriber('both@example.com', { follows: ['harbour', 'tides'] });
    await subscriber('tides@example.com', { wholeSite: false, follows: ['tides'] });
    await subscriber('pending@example.com', { status: 'pending' });
    await subscriber('gone@example.com', { status: 'unsubscribed' });
    const postId = await publishedPost(['harbour']);
    const from = mail().mails.length;

    expect(await sendPostToFollowers(db(), postId)).toEqual({ sent: 3, failed: 0, deferred: 0 });
    expect(await sendPostToFollowers(db(), postId)).toEqual({ sent: 0, failed: 0, deferred: 0 });
    const sent = mail().mails.slice(from);
    expect(countBy(sent)).toEqual({ 'site@example.com': 1, 'harbour@example.com': 1, 'both@example.com': 1 });

    const raw = unfolded(sent[0].raw);
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/follow\/unsubscribe\/\d+\.[\w-]{43}>/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(raw).toContain('multipart/alternative');
    expect(raw).toContain('Content-Type: text/plain');
    expect(raw).toContain('Content-Type: text/html');
    expect(raw).toContain('src="http://localhost:3000/uploads/covers/tide.png"');
    expect(raw).toContain('By Eda Byline');
    expect(raw).toContain('http://localhost:3000/2026/11/story-');
    expect(raw).toMatch(/\/follow\/manage\/\d+\.[\w-]{43}/);
    expect(await sendingReport(db(), postId)).toMatchObject({ sent: 3, total: 3, failed: 0, waiting: 0 });
  });

  it("reads right in a mail client: both parts with each reader's own links, and a title that adds no header", async () => {
    await db().delete(subscribers);
    const ids = [await subscriber('first@example.com'), await subscriber('second@example.com')];
    const title = 'Tide & town: “late” again\r\nBcc: everyone@example.com';
    const postId = await publishedPost([], { title });
    const from = mail().mails.length;
    await sendPostToFollowers(db(), postId);
    const sent = mail().mails.slice(from);
    expect(sent).toHaveLength(2);
    for (const [i, id] of ids.entries()) {
      const caught = sent.find((m) => m.to.includes(i === 0 ? 'first@example.com' : 'second@example.com'))!;
      const parsed = await PostalMime.parse(caught.source);
      expect(parsed.subject).toBe('Tide & town: “late” again Bcc: everyone@example.com');
      expect(parsed.headers.some((header) => header.key === 'bcc')).toBe(false);
      const header = (key: string) => parsed.headers.find((h) => h.key === key)?.value;
      const token = /^<http:\/\/localhost:3000\/follow\/unsubscribe\/(\d+\.[\w-]{43})>$/.exec(
        header('list-unsubscribe')!,
      )![1];
      expect(subscriberIdOf(token)).toBe(id);
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const manage = `http://localhost:3000/follow/manage/${token}`;
      expect(parsed.text).toContain('Tide & town: “late” again');
      expect(parsed.text).toContain('By Eda Byline\n\nWhat happened at the harbour.');
      expect(parsed.text).toContain(`Read it on the site: http://localhost:3000/2026/11/story-${posted}`);
      expect(parsed.text).toContain(`Unsubscribe or change what you receive: ${manage}`);
      expect(parsed.html).toContain('>Tide &amp; town: “late” again');
      expect(parsed.html).toContain('<img src="http://localhost:3000/uploads/covers/tide.png"');
      expect(parsed.html).toContain(
        `<a href="${manage}" style="color:#555555">Unsubscribe or change what you receive</a>`,
      );
    }
  });

  it('unsubscribes by the one-click link, and the next story skips the address', async () => {
    const id = await subscriber('oneclick@example.com');
    const first = await publishedPost();
    const from = mail().mails.length;
    await sendPostToFollowers(db(), first);
    const mine = mail()
      .mails.slice(from)
      .find((m) => m.to.includes('oneclick@example.com'))!;
    const token = /^List-Unsubscribe: <[^>]*\/follow\/unsubscribe\/([^>]+)>/m.exec(unfolded(mine.raw))![1];
    expect(subscriberIdOf(token)).toBe(id);
    expect(await unsubscribeFromLink(token)).toBe(true);
    expect(await unsubscribeFromLink(`${id}.${'x'.repeat(43)}`)).toBe(false);

    const next = await publishedPost();
    const before = mail().mails.length;
    await sendPostToFollowers(db(), next);
    expect(
      mail()
        .mails.slice(before)
        .some((m) => m.to.includes('oneclick@example.com')),
    ).toBe(false);
  });

  it('resumes a send interrupted between claim and delivery without sending anyone a second mail', async () => {
    await db().delete(subscribers);
    for (let i = 0; i < 30; i++) await subscriber(`crash${String(i).padStart(2, '0')}@example.com`);
    const postId = await publishedPost();
    const from = mail().mails.length;
    let delivered = 0;
    // The server dies as its senders are about to send the sixth mail: five went out, and each of the three senders
    // holds at most the one address it claimed last.
    const dying = async (one: Mail) => {
      if (delivered === 5) throw new Error('killed');
      delivered++;
      return deliver(one);
    };
    await expect(sendPostToFollowers(db(), postId, { send: dying, batch: 10, concurrency: 3 })).rejects.toThrow(
      'killed',
    );
    expect(mail().mails.length - from).toBe(5);
    const interrupted = (await sendingReport(db(), postId)).waiting;
    expect(interrupted).toBeGreaterThanOrEqual(1);
    expect(interrupted).toBeLessThanOrEqual(3);

    const rest = 25 - interrupted;
    expect(await sendPostToFollowers(db(), postId, { batch: 10 })).toEqual({ sent: rest, failed: 0, deferred: 0 });
    let counts = countBy(mail().mails.slice(from));
    expect(Object.keys(counts)).toHaveLength(30 - interrupted);
    expect(Math.max(...Object.values(counts))).toBe(1);
    expect(await sendingReport(db(), postId)).toMatchObject({
      sent: 30 - interrupted,
      total: 30,
      waiting: interrupted,
    });

    // Only once the interrupted rows are old enough to be sure nobody is still sending them, "Resend to failed".
    expect(await resendFailed(db(), postId, new Date())).toBe(0);
    expect(await resendFailed(db(), postId, new Date(Date.now() + 16 * 60_000))).toBe(interrupted);
    expect(await sendPostToFollowers(db(), postId)).toEqual({ sent: interrupted, failed: 0, deferred: 0 });
    counts = countBy(mail().mails.slice(from));
    expect(Object.keys(counts)).toHaveLength(30);
    expect(Math.max(...Object.values(counts))).toBe(1);
  });

  it('two runners at once share the followers: each address gets one mail, whoever claimed it', async () => {
    await db().delete(subscribers);
    for (let i = 0; i < 40; i++) await subscriber(`pair${String(i).padStart(2, '0')}@example.com`);
    const postId = await publishedPost();
    const from = mail().mails.length;
    // Both read the same addresses ahead; the claim decides which one sends each.
    const reports = await Promise.all([
      sendPostToFollowers(db(), postId, { batch: 7, concurrency: 3 }),
      sendPostToFollowers(db(), postId, { batch: 7, concurrency: 2 }),
    ]);
    expect(reports[0].sent + reports[1].sent).toBe(40);
    const counts = countBy(mail().mails.slice(from));
    expect(Object.keys(counts)).toHaveLength(40);
    expect(Math.max(...Object.values(counts))).toBe(1);
    expect(await sendingReport(db(), postId)).toMatchObject({ sent: 40, total: 40, waiting: 0 });
  });

  it('defers a 4xx answer to a later try, and marks an address bouncing after three 5xx answers in a row', async () => {
    await db().delete(subscribers);
    const later = await subscriber('later@example.com');
    const bouncing = await subscriber('nobody@example.com');
    mail().refuse('later@example.com', 451);
    mail().refuse('nobody@example.com', 550);

    const first = await publishedPost();
    expect(await sendPostToFollowers(db(), first)).toEqual({ sent: 0, failed: 1, deferred: 1 });
    mail().refuse('later@example.com', null);
    expect(await sendPostToFollowers(db(), first)).toEqual({ sent: 1, failed: 0, deferred: 0 });
    const report = await sendingReport(db(), first);
    expect(report).toMatchObject({ sent: 1, failed: 1, total: 2 });
    expect(report.failures[0]).toMatchObject({ email: 'nobody@example.com' });
    expect(report.failures[0].error).toContain('550');

    for (const _ of [1, 2]) await sendPostToFollowers(db(), await publishedPost());
    const [row] = await db().select().from(subscribers).where(eq(subscribers.id, bouncing));
    expect(row).toMatchObject({ status: 'bouncing', permanentFailures: 3 });
    // Two failures in a row of its own, ended by the next mail it takes.
    await db().update(subscribers).set({ permanentFailures: 2 }).where(eq(subscribers.id, later));
    const fourth = await publishedPost();
    expect(await sendPostToFollowers(db(), fourth)).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(await db().select().from(postSends).where(eq(postSends.subscriberId, bouncing))).toHaveLength(3);
    const [kept] = await db().select().from(subscribers).where(eq(subscribers.id, later));
    expect(kept.permanentFailures).toBe(0);
  });

  it('queues a post once in its life, and never one sent without "Email to followers"', async () => {
    const postId = await publishedPost();
    expect(await queueFollowerMail(db(), postId)).toBe(true);
    expect(await queueFollowerMail(db(), postId)).toBe(false);
    const correction = await publishedPost([], { emailFollowers: false });
    expect(await queueFollowerMail(db(), correction)).toBe(false);
    const draft = await publishedPost([], { status: 'draft' });
    expect(await queueFollowerMail(db(), draft)).toBe(false);
  });

  it('catches up a mailing that was never queued, for a post live less than an hour, and only once', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const missed = await publishedPost([], { publishedAt: minutesAgo(20) });
    await publishedPost([], { publishedAt: minutesAgo(90) });
    await publishedPost([], { publishedAt: minutesAgo(5), emailFollowers: false });
    await publishedPost([], { publishedAt: minutesAgo(-5) });
    // The file's other posts went live on the 20th at 10:00, two hours before.
    expect(await queueMissedFollowerMail(db(), now)).toEqual([missed]);
    expect(await queueMissedFollowerMail(db(), now)).toEqual([]);
  });
});
