import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { labels, subscriberLabels, subscribers } from '@/db/schema';
import { issueFormToken } from '@/lib/comments/form-token';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { useMailCatcher } from '@/lib/testing/mail-catcher';
import { confirmFollow, followFormSchema, requestFollow, type FollowForm } from './subscribe';

const db = useFreshDatabase('subscribe');
const mail = useMailCatcher();

/** The form as the action parses it, stamped as shown ten seconds ago. */
const form = (email: string, extra: Partial<FollowForm> = {}): FollowForm =>
  followFormSchema.parse({ email, token: issueFormToken(Date.now() - 10_000), ...extra });

/** The mails to `email` that arrived, once `count` of them have. */
async function mailsTo(email: string, count: number): Promise<string[]> {
  const mine = () =>
    mail()
      .mails.filter((m) => m.to.includes(email))
      .map((m) => m.raw);
  await vi.waitFor(() => expect(mine().length).toBeGreaterThanOrEqual(count));
  return mine();
}
const confirmToken = (raw: string) => /\/follow\/confirm\/([\w-]+)/.exec(raw)?.[1] ?? null;

describe('following by email', () => {
  it('keeps a new address pending until its mailed link confirms it, once', async () => {
    expect(await requestFollow(db(), form('Reader@Example.com'), { ipHash: 'ip-1' })).toEqual({ status: 'accepted' });
    const [row] = await db().select().from(subscribers).where(eq(subscribers.email, 'reader@example.com'));
    expect(row).toMatchObject({ status: 'pending', wholeSite: true, source: 'widget' });
    const [confirmation] = await mailsTo('reader@example.com', 1);
    const token = confirmToken(confirmation)!;
    expect(token).toHaveLength(43);
    expect(row.confirmTokenHash).not.toContain(token);

    expect(await confirmFollow(db(), token)).toBe(row.id);
    const [confirmed] = await db().select().from(subscribers).where(eq(subscribers.id, row.id));
    expect(confirmed.status).toBe('confirmed');
    expect(await confirmFollow(db(), token)).toBeNull();
  });

  it('refuses a confirmation link after its 48 hours', async () => {
    const asked = new Date('2026-01-01T00:00:00Z');
    const stamp = issueFormToken(asked.getTime() - 10_000);
    await requestFollow(db(), form('late@example.com', { token: stamp }), { ipHash: 'ip-2', now: asked });
    const token = confirmToken((await mailsTo('late@example.com', 1))[0])!;
    expect(await confirmFollow(db(), token, new Date(asked.getTime() + 48 * 3600_000 + 1000))).toBeNull();
    const [row] = await db().select().from(subscribers).where(eq(subscribers.email, 'late@example.com'));
    expect(row.status).toBe('pending');
  });

  it('answers the same for a new, a pending and a confirmed address, and never changes a confirmed one', async () => {
    const email = 'same@example.com';
    const answers = [];
    answers.push(await requestFollow(db(), form(email), { ipHash: 'ip-3' }));
    // Each mail is awaited before the next is asked for: the pool's connections may deliver two at once out of order.
    await mailsTo(email, 1);
    answers.push(await requestFollow(db(), form(email), { ipHash: 'ip-3' }));
    const token = confirmToken((await mailsTo(email, 2))[1])!;
    await confirmFollow(db(), token);
    const [label] = await db().insert(labels).values({ name: 'Harbour', slug: 'harbour' }).returning();
    answers.push(await requestFollow(db(), form(email, { label: 'harbour' }), { ipHash: 'ip-4' }));
    expect(answers).toEqual([{ status: 'accepted' }, { status: 'accepted' }, { status: 'accepted' }]);
    const third = (await mailsTo(email, 3))[2];
    expect(third).toContain('you already receive them');
    expect(third).toMatch(/\/follow\/manage\/\d+\.[\w-]{43}/);
    const [row] = await db().select().from(subscribers).where(eq(subscribers.email, email));
    expect(row).toMatchObject({ status: 'confirmed', wholeSite: true });
    expect(await db().select().from(subscriberLabels).where(eq(subscriberLabels.labelId, label.id))).toEqual([]);
  });

  it('refuses malformed addresses and header injection', () => {
    for (const email of ['not-an-address', 'a@b', 'x@example.com\r\nBcc: all@example.com', 'x\n@example.com'])
      expect(followFormSchema.safeParse({ email }).success).toBe(false);
  });

  it('follows only a label from its page', async () => {
    await db().insert(labels).values({ name: 'Tides', slug: 'tides' });
    await requestFollow(db(), form('tides@example.com', { label: 'tides' }), { ipHash: 'ip-5' });
    const [row] = await db().select().from(subscribers).where(eq(subscribers.email, 'tides@example.com'));
    expect(row.wholeSite).toBe(false);
    expect(await db().select().from(subscriberLabels).where(eq(subscriberLabels.subscriberId, row.id))).toHaveLength(1);
  });

  it('answers a bot that fills the honeypot as a person, keeps and mails nothing, and counts it', async () => {
    const bot = form('bot@example.com', { website: 'http://spam.example' });
    expect(await requestFollow(db(), bot, { ipHash: 'ip-bot' })).toEqual({ status: 'accepted' });
    expect(await db().select().from(subscribers).where(eq(subscribers.email, 'bot@example.com'))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail().mails.filter((m) => m.to.includes('bot@example.com'))).toEqual([]);
  });

  it('refuses a form sent sooner than a person could, and limits requests per network and per address', async () => {
    const hasty = form('hasty@example.com', { token: issueFormToken() });
    expect(await requestFollow(db(), hasty, { ipHash: 'ip-6' })).toEqual({ status: 'too-fast' });
    for (let i = 0; i < 3; i++)
      expect(await requestFollow(db(), form('often@example.com'), { ipHash: `ip-often-${i}` })).toEqual({
        status: 'accepted',
      });
    expect(await requestFollow(db(), form('often@example.com'), { ipHash: 'ip-often-9' })).toMatchObject({
      status: 'limited',
    });
    const results = [];
    for (let i = 0; i < 11; i++)
      results.push(await requestFollow(db(), form(`n${i}@example.com`), { ipHash: 'ip-net' }));
    expect(results.slice(0, 10).every((result) => result.status === 'accepted')).toBe(true);
    expect(results[10]).toMatchObject({ status: 'limited' });
  });
});
