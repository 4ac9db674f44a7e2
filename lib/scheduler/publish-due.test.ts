import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { adSlots, ads, posts } from '@/db/schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { createAccount } from '@/lib/people/accounts';
import { adWindowsChanged } from './ad-windows';
import { emptyOldTrash, publishDuePosts } from './publish-due';

const db = useFreshDatabase('scheduler');
const now = new Date('2030-06-01T12:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('the scheduler', () => {
  it('publishes due posts once, catches up on missed ones, leaves the future alone', async () => {
    const author = await createAccount(db(), { email: 'a@example.com', name: 'A', role: 'author' });
    const rows = await db()
      .insert(posts)
      .values([
        {
          title: 'Missed yesterday',
          slug: 'missed',
          status: 'scheduled',
          publishedAt: minutes(-24 * 60),
          authorId: author.id,
        },
        { title: 'Due now', slug: 'due', status: 'scheduled', publishedAt: now, authorId: author.id },
        {
          title: 'Tomorrow',
          slug: 'tomorrow',
          status: 'scheduled',
          publishedAt: minutes(24 * 60),
          authorId: author.id,
        },
        {
          title: 'Trashed',
          slug: 'trashed',
          status: 'scheduled',
          publishedAt: minutes(-5),
          authorId: author.id,
          deletedAt: minutes(-1),
        },
      ])
      .returning({ id: posts.id, slug: posts.slug });

    // Two instances ticking at the same moment: each post is published by exactly one of them.
    const [first, second] = await Promise.all([publishDuePosts(db(), now), publishDuePosts(db(), now)]);
    const published = [...first.published, ...second.published].map((p) => p.slug).sort();
    expect(published).toEqual(['due', 'missed']);

    const states = await db()
      .select({ slug: posts.slug, status: posts.status })
      .from(posts)
      .where(
        inArray(
          posts.id,
          rows.map((r) => r.id),
        ),
      );
    expect(Object.fromEntries(states.map((s) => [s.slug, s.status]))).toEqual({
      missed: 'published',
      due: 'published',
      tomorrow: 'scheduled',
      trashed: 'scheduled',
    });
    expect((await publishDuePosts(db(), now)).published).toEqual([]);
  });

  it('empties the trash after 30 days', async () => {
    const [{ id }] = await db().select({ id: posts.id }).from(posts).where(eq(posts.slug, 'trashed'));
    expect(await emptyOldTrash(db(), minutes(29 * 24 * 60))).toBe(0);
    expect(await emptyOldTrash(db(), minutes(31 * 24 * 60))).toBe(1);
    expect(await db().select().from(posts).where(eq(posts.id, id))).toEqual([]);
  });
});

describe('ad windows', () => {
  it('notices an ad starting or ending since the last tick, once', async () => {
    const [slot] = await db()
      .insert(adSlots)
      .values({ key: 's', name: 'S', placement: 'sidebar', width: 300, height: 250 })
      .returning();
    await db()
      .insert(ads)
      .values({
        slotId: slot.id,
        advertiser: 'A',
        imageUrl: '/a.png',
        altText: 'a',
        headline: 'h',
        targetUrl: 'https://example.com',
        startsAt: minutes(10),
        endsAt: minutes(20),
      });
    expect(await adWindowsChanged(db(), minutes(0), minutes(9))).toBe(false);
    expect(await adWindowsChanged(db(), minutes(9), minutes(10))).toBe(true);
    expect(await adWindowsChanged(db(), minutes(10), minutes(19))).toBe(false);
    expect(await adWindowsChanged(db(), minutes(19), minutes(21))).toBe(true);
  });
});
