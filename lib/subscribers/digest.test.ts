import { describe, expect, it } from 'vitest';
import { labels, postLabels, posts, subscriberLabels, subscribers } from '@/db/schema';
import { createAccount } from '@/lib/people/accounts';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { useMailCatcher } from '@/lib/testing/mail-catcher';
import { sendDailyDigests } from './digest';
import { sendPostToFollowers } from './send';

const db = useFreshDatabase('digest');
const mail = useMailCatcher();

describe('the daily digest', () => {
  it('mails each daily subscriber one digest of the stories they follow, never a story twice', async () => {
    const author = await createAccount(db(), {
      email: 'd@example.com',
      name: 'Dee',
      role: 'editor',
      password: 'a long password here',
    });
    const [tides] = await db().insert(labels).values({ name: 'Tides', slug: 'tides' }).returning();
    const queuedAt = new Date(Date.now() - 3600_000);
    const story = (n: number) => ({
      title: `Digest story ${n}`,
      slug: `digest-${n}`,
      excerpt: `Excerpt ${n}`,
      status: 'published' as const,
      publishedAt: queuedAt,
      emailQueuedAt: queuedAt,
      authorId: author.id,
    });
    const [one, two] = await db()
      .insert(posts)
      .values([story(1), story(2)])
      .returning({ id: posts.id });
    await db()
      .insert(posts)
      .values({ ...story(3), emailQueuedAt: null });
    await db().insert(postLabels).values({ postId: two.id, labelId: tides.id });
    const confirmedAt = new Date(Date.now() - 2 * 3600_000);
    const [, label] = await db()
      .insert(subscribers)
      .values([
        { email: 'all@example.com', status: 'confirmed', frequency: 'daily', confirmedAt },
        { email: 'tides@example.com', status: 'confirmed', frequency: 'daily', wholeSite: false, confirmedAt },
        { email: 'each@example.com', status: 'confirmed', frequency: 'each', confirmedAt },
      ])
      .returning({ id: subscribers.id });
    await db().insert(subscriberLabels).values({ subscriberId: label.id, labelId: tides.id });

    expect(await sendDailyDigests(db())).toEqual({ digests: 2 });
    const digests = mail().mails.filter((m) => m.raw.includes('Subject: Today in'));
    expect(digests.map((m) => m.to[0]).sort()).toEqual(['all@example.com', 'tides@example.com']);
    const toAll = digests.find((m) => m.to[0] === 'all@example.com')!.raw;
    expect(toAll).toContain('Digest story 1');
    expect(toAll).toContain('Digest story 2');
    expect(toAll).not.toContain('Digest story 3');
    expect(toAll).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    expect(digests.find((m) => m.to[0] === 'tides@example.com')!.raw).not.toContain('Digest story 1');

    // Run again (a retry, another instance), or the story's own mailing: nothing goes twice.
    expect(await sendDailyDigests(db())).toEqual({ digests: 0 });
    expect(await sendPostToFollowers(db(), one.id)).toEqual({ sent: 1, failed: 0, deferred: 0 });
    expect(mail().mails.filter((m) => m.to.includes('all@example.com'))).toHaveLength(1);
    expect(mail().mails.filter((m) => m.to.includes('each@example.com'))).toHaveLength(1);
  });
});
