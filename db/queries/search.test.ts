import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPosts } from '@/lib/seed/demo-content';
import { seedDemoContent } from '@/lib/seed/demo';
import { posts, users } from '../schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { searchPublishedPosts } from './posts';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (CI runs the suite both ways).
const db = useFreshDatabase('search');
const now = new Date('2026-03-15T12:00:00Z');
const published = demoPosts.filter((p) => p.status === 'published');
const slugsFor = async (words: string, limit = 50) =>
  (await searchPublishedPosts(db(), { words, limit })).posts.map((post) => post.slug);

describe('reader search over the demo newsroom', () => {
  beforeAll(async () => {
    await seedDemoContent(db(), now);
  });

  it('finds a post by words of its title, in other forms of the same words', async () => {
    // The title says "crumbling east harbour wall".
    expect(await slugsFor('crumble walls')).toContain('harbour-wall-repairs-begin');
  });

  it('finds a post by words of its body alone, and by a quoted phrase', async () => {
    expect(await slugsFor('crane barge')).toEqual(['harbour-wall-repairs-begin']);
    expect(await slugsFor('"steel sheet piles"')).toEqual(['harbour-wall-repairs-begin']);
    expect(await slugsFor('"piles sheet steel"')).toEqual([]);
  });

  it('leaves out drafts, scheduled posts and the trash', async () => {
    const draft = demoPosts.find((p) => p.status === 'draft')!;
    const scheduled = demoPosts.find((p) => p.status === 'scheduled')!;
    expect(await slugsFor(draft.title)).not.toContain(draft.slug);
    expect(await slugsFor(scheduled.title)).not.toContain(scheduled.slug);
    await db().update(posts).set({ deletedAt: now }).where(eq(posts.slug, 'harbour-wall-repairs-begin'));
    expect(await slugsFor('crane barge')).toEqual([]);
    await db().update(posts).set({ deletedAt: null }).where(eq(posts.slug, 'harbour-wall-repairs-begin'));
  });

  it('lists the matches newest first, in pages', async () => {
    const all = await searchPublishedPosts(db(), { words: 'harbour', limit: 50 });
    expect(all.posts.length).toBeGreaterThan(3);
    const times = all.posts.map((post) => post.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const first = await searchPublishedPosts(db(), { words: 'harbour', limit: 2 });
    const second = await searchPublishedPosts(db(), { words: 'harbour', limit: 2, offset: 2 });
    expect(first.hasMore).toBe(true);
    expect([...first.posts, ...second.posts].map((post) => post.slug)).toEqual(
      all.posts.slice(0, 4).map((post) => post.slug),
    );
    const last = await searchPublishedPosts(db(), { words: 'harbour', limit: 50, offset: all.posts.length - 1 });
    expect(last).toMatchObject({ posts: [all.posts.at(-1)], hasMore: false });
    expect(all.posts.every((post) => published.some((p) => p.slug === post.slug))).toBe(true);
  });

  it('does not match the markup of a body: tag names, attributes or entities', async () => {
    const [author] = await db().select({ id: users.id }).from(users).limit(1);
    await db().insert(posts).values({
      title: 'Lifeboat crew honoured',
      slug: 'lifeboat-crew-honoured',
      bodyHtml: '<p class="zanzibar" data-quokka="1">The crew&rsquo;s medals &amp; a <strong>plaque</strong>.</p>',
      status: 'published',
      publishedAt: now,
      authorId: author.id,
    });
    expect(await slugsFor('medals plaque')).toEqual(['lifeboat-crew-honoured']);
    for (const markup of ['zanzibar', 'quokka', 'strong', 'rsquo', 'amp']) expect(await slugsFor(markup)).toEqual([]);
  });

  it('reads any input without a syntax error; stop words alone find nothing', async () => {
    expect(await slugsFor('the and of')).toEqual([]);
    for (const odd of ['"unclosed', 'a & b | !c', "'; drop table posts; --", '((()', '-', 'OR OR', '<script>', '\\']) {
      await expect(slugsFor(odd)).resolves.toBeInstanceOf(Array);
    }
    expect(await slugsFor('harbour -wall')).not.toContain('harbour-wall-repairs-begin');
  });
});
