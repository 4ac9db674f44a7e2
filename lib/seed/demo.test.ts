import { asc, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { comments, posts } from '@/db/schema';
import { demoPosts } from './demo-content';
import { seedDemoContent } from './demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';

const db = useFreshDatabase('seed');

describe('seedDemoContent', () => {
  it('dates no published post or comment after the moment it runs, even before today’s posts’ hours', async () => {
    const now = new Date('2026-11-25T04:07:00Z');
    await seedDemoContent(db(), now);
    const published = await db()
      .select({ slug: posts.slug, publishedAt: posts.publishedAt })
      .from(posts)
      .where(eq(posts.status, 'published'))
      .orderBy(desc(posts.publishedAt), asc(posts.id));
    expect(published.length).toBe(demoPosts.filter((p) => p.status === 'published').length);
    expect(published.every((p) => p.publishedAt! <= now)).toBe(true);
    // Still the newest: today's post, on today's date.
    const todays = demoPosts.filter((p) => p.status === 'published' && p.daysAgo === 0);
    expect(todays.length).toBeGreaterThan(0);
    expect(published[0].slug).toBe(todays.sort((a, b) => b.hour - a.hour)[0].slug);
    expect(published[0].publishedAt!.toISOString().slice(0, 10)).toBe('2026-11-25');
    const commentTimes = await db()
      .select({ at: comments.createdAt, postAt: posts.publishedAt })
      .from(comments)
      .innerJoin(posts, eq(posts.id, comments.postId));
    expect(commentTimes.length).toBeGreaterThan(0);
    expect(commentTimes.every((c) => c.at <= now && c.at >= c.postAt!)).toBe(true);
    const scheduled = await db()
      .select({ publishedAt: posts.publishedAt })
      .from(posts)
      .where(eq(posts.status, 'scheduled'));
    expect(scheduled.every((p) => p.publishedAt! > now)).toBe(true);
  });
});
