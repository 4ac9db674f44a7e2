import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPosts } from '@/lib/seed/demo-content';
import { seedDemoContent } from '@/lib/seed/demo';
import { adSlots, ads, comments, labels, postLabels, posts, siteSettings } from '../schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { listLiveSlots } from './ads';
import { countApprovedComments, listApprovedCommentsPage } from './comments';
import {
  getAdjacentPublishedPosts,
  getPublishedPostBySlug,
  listPublishedBodies,
  listPublishedDatesOf,
  listPublishedPostDates,
  listPublishedPosts,
} from './posts';
import { defaultSettings, getSiteSettings } from './settings';
import { getAuthorBySlug, listArchiveMonths, listLabelsWithCounts } from './taxonomy';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (CI runs the suite both ways).
const db = useFreshDatabase('reader_queries');
const now = new Date('2026-03-15T12:00:00Z');
const published = demoPosts.filter((p) => p.status === 'published');
const newest = [...published].sort((a, b) => a.daysAgo - b.daysAgo || b.hour - a.hour)[0];

describe('settings', () => {
  it('falls back to defaults before the site is set up', async () => {
    expect(await getSiteSettings(db())).toEqual(defaultSettings);
  });
});

describe('reader queries over the demo newsroom', () => {
  beforeAll(async () => {
    await seedDemoContent(db(), now);
  });

  it('reads the site settings row', async () => {
    expect((await getSiteSettings(db())).title).toBe('The Harbour Ledger');
  });

  it('lists only published posts, newest first, in pages', async () => {
    const first = await listPublishedPosts(db(), { limit: 10 });
    const second = await listPublishedPosts(db(), { limit: 10, offset: 10 });
    const all = [...first.posts, ...second.posts];
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    expect(all.map((p) => p.slug).sort()).toEqual(published.map((p) => p.slug).sort());
    const times = all.map((p) => p.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0].slug).toBe(newest.slug);
    expect(all.every((p) => p.publishedAt <= now)).toBe(true);
  });

  it('carries each post author and labels', async () => {
    const { posts: page } = await listPublishedPosts(db(), { limit: 1 });
    expect(page[0].author).toEqual({ name: 'Maya Okafor', slug: newest.author });
    // Labels in name order, each with its slug, as the post card links them.
    expect(page[0].labels).toEqual(
      [...newest.labels].sort().map((name) => ({ name, slug: name.toLowerCase().replace(/ /g, '-') })),
    );
  });

  it('filters by label, author and date range', async () => {
    const label = published[0].labels[0];
    const labelSlug = label.toLowerCase().replace(/ /g, '-');
    const byLabel = await listPublishedPosts(db(), { limit: 50, labelSlug });
    expect(byLabel.posts.length).toBe(published.filter((p) => p.labels.includes(label)).length);
    expect(byLabel.posts.every((p) => p.labels.some((l) => l.slug === labelSlug))).toBe(true);

    const byAuthor = await listPublishedPosts(db(), { limit: 50, authorSlug: 'tom-lindqvist' });
    expect(byAuthor.posts.length).toBe(published.filter((p) => p.author === 'tom-lindqvist').length);

    const from = new Date(now.getTime() - 10 * 86_400_000);
    const recent = await listPublishedPosts(db(), { limit: 50, from, to: now });
    expect(recent.posts.length).toBe(
      published.filter((p) => p.daysAgo < 10 || (p.daysAgo === 10 && p.hour >= 12)).length,
    );
  });

  it('never returns drafts or scheduled posts by slug', async () => {
    expect(await getPublishedPostBySlug(db(), 'budget-vote-draft')).toBeNull();
    expect(await getPublishedPostBySlug(db(), 'festival-lineup-scheduled')).toBeNull();
    const post = await getPublishedPostBySlug(db(), newest.slug);
    expect(post?.title).toBe(newest.title);
    expect(post?.bodyHtml).toContain('<p>');
  });

  it('lists published post dates for static params and the sitemap', async () => {
    expect((await listPublishedPostDates(db())).length).toBe(published.length);
    expect((await listPublishedPostDates(db(), 3)).map((p) => p.slug)[0]).toBe(newest.slug);
  });

  it('finds the dates of posts that went out, by id or slug, for refreshing their cached pages', async () => {
    const [{ id }] = await db().select({ id: posts.id }).from(posts).where(eq(posts.slug, newest.slug));
    const slugs = ['budget-vote-draft', 'festival-lineup-scheduled', published[1].slug];
    const found = await listPublishedDatesOf(db(), { ids: [id], slugs }, now);
    expect(found.map((p) => p.slug).sort()).toEqual([newest.slug, published[1].slug].sort());
    expect(found.every((p) => p.publishedAt instanceof Date)).toBe(true);
    expect(await listPublishedDatesOf(db(), {}, now)).toEqual([]);
  });

  it('counts labels over published posts only', async () => {
    const labels = await listLabelsWithCounts(db());
    for (const label of labels) {
      expect(label.count).toBe(published.filter((p) => p.labels.includes(label.name)).length);
    }
  });

  it('never lists a label that only a draft carries (readers see only labels of live posts)', async () => {
    const [draft] = await db().select({ id: posts.id }).from(posts).where(eq(posts.slug, 'budget-vote-draft'));
    const [secret] = await db().insert(labels).values({ name: 'Mayor Resigns', slug: 'mayor-resigns' }).returning();
    await db().insert(postLabels).values({ postId: draft.id, labelId: secret.id });
    expect((await listLabelsWithCounts(db())).map((label) => label.slug)).not.toContain('mayor-resigns');
  });

  it('finds authors by slug, with their number of live posts', async () => {
    const author = await getAuthorBySlug(db(), 'tom-lindqvist');
    expect(author?.name).toBe('Tom Lindqvist');
    expect(author?.livePosts).toBe(published.filter((p) => p.author === 'tom-lindqvist').length);
    expect(await getAuthorBySlug(db(), 'nobody')).toBeNull();
  });

  it('counts the archive by month in the site time zone', async () => {
    const months = await listArchiveMonths(db(), 'UTC');
    expect(months.reduce((sum, m) => sum + m.count, 0)).toBe(published.length);
    const keys = months.map((m) => m.year * 100 + m.month);
    expect(keys).toEqual([...keys].sort((a, b) => b - a));
  });

  it('moves a post across a month boundary when the time zone says so', async () => {
    const [post] = await db()
      .select({ id: posts.id })
      .from(posts)
      .where(eq(posts.slug, published[published.length - 1].slug));
    await db()
      .update(posts)
      .set({ publishedAt: new Date('2020-02-01T03:00:00Z') })
      .where(eq(posts.id, post.id));
    expect((await listArchiveMonths(db(), 'UTC')).at(-1)).toEqual({ year: 2020, month: 2, count: 1 });
    expect((await listArchiveMonths(db(), 'America/New_York')).at(-1)).toEqual({ year: 2020, month: 1, count: 1 });
  });

  it('shows approved comments only, threaded by parent, and counts them', async () => {
    const post = (await getPublishedPostBySlug(db(), newest.slug))!;
    const list = (await listApprovedCommentsPage(db(), post.id, { skip: 0, perPage: 100 }))!.comments;
    expect(list.length).toBe(3);
    expect(list.filter((c) => c.parentId !== null).length).toBe(1);
    const counts = await countApprovedComments(db(), [post.id, 999_999]);
    expect(counts).toEqual({ [post.id]: 3 });
    expect(await countApprovedComments(db(), [])).toEqual({});
    const [pending] = await db().select().from(comments).where(eq(comments.status, 'pending'));
    expect(list.some((c) => c.id === pending.id)).toBe(false);
  });

  it('serves only active ads inside their window', async () => {
    const before = await listLiveSlots(db(), now);
    expect(before.map((s) => s.key)).toEqual(['sidebar-top', 'in-article', 'sidebar-bottom']);
    expect(before.flatMap((s) => s.ads).length).toBe(4);

    const [slot] = await db().select().from(adSlots).where(eq(adSlots.key, 'sidebar-top'));
    const base = {
      slotId: slot.id,
      advertiser: 'X',
      imageUrl: '/x.svg',
      altText: 'x',
      headline: 'x',
      targetUrl: 'https://example.com',
    };
    await db()
      .insert(ads)
      .values([
        { ...base, advertiser: 'Paused', status: 'paused' },
        { ...base, advertiser: 'Future', startsAt: new Date(now.getTime() + 1000) },
        { ...base, advertiser: 'Ended', startsAt: new Date(0), endsAt: now },
        { ...base, advertiser: 'Ending', startsAt: new Date(0), endsAt: new Date(now.getTime() + 1000) },
      ]);
    const after = await listLiveSlots(db(), now);
    const top = after.find((s) => s.key === 'sidebar-top')!;
    expect(top.ads.map((a) => a.advertiser)).toContain('Ending');
    expect(top.ads.map((a) => a.advertiser)).not.toContain('Paused');
    expect(top.ads.map((a) => a.advertiser)).not.toContain('Future');
    expect(top.ads.map((a) => a.advertiser)).not.toContain('Ended');
    expect(after.find((s) => s.key === 'in-article')!.ads).toEqual([]);
  });

  it("finds an article's live neighbours by date: never a draft, a scheduled post or the trash", async () => {
    const { posts: all } = await listPublishedPosts(db(), { limit: 100 });
    const address = (post: (typeof all)[number]) => ({ slug: post.slug, publishedAt: post.publishedAt });
    expect(await getAdjacentPublishedPosts(db(), all[1])).toEqual({ newer: address(all[0]), older: address(all[2]) });
    // The newest has a scheduled post and drafts after it, the oldest nothing before it.
    expect((await getAdjacentPublishedPosts(db(), all[0])).newer).toBeNull();
    expect(await getAdjacentPublishedPosts(db(), all[all.length - 1])).toEqual({
      newer: address(all[all.length - 2]),
      older: null,
    });

    await db().update(posts).set({ deletedAt: now }).where(eq(posts.slug, all[1].slug));
    expect(await getAdjacentPublishedPosts(db(), all[0])).toEqual({ newer: null, older: address(all[2]) });
    await db().update(posts).set({ deletedAt: null }).where(eq(posts.slug, all[1].slug));
  });

  it("reads live posts' bodies for a feed, never a draft's, a scheduled post's or the trash's", async () => {
    const rows = await db().select({ id: posts.id, slug: posts.slug }).from(posts);
    const idOf = (slug: string) => rows.find((row) => row.slug === slug)!.id;
    const trashed = published[1].slug;
    await db().update(posts).set({ deletedAt: now }).where(eq(posts.slug, trashed));
    const asked = [newest.slug, trashed, 'budget-vote-draft', 'festival-lineup-scheduled'].map(idOf);
    const bodies = await listPublishedBodies(db(), asked);
    expect(bodies.map((row) => row.id)).toEqual([idOf(newest.slug)]);
    expect(bodies[0].bodyHtml).toBe((await getPublishedPostBySlug(db(), newest.slug))!.bodyHtml);
    expect(await listPublishedBodies(db(), [])).toEqual([]);
    await db().update(posts).set({ deletedAt: null }).where(eq(posts.slug, trashed));
  });

  it('leaves a trashed post out of every listing, deep pages included', async () => {
    const trashed = published[2];
    await db().update(posts).set({ deletedAt: now }).where(eq(posts.slug, trashed.slug));
    const pages = await Promise.all(
      [0, 1, 2, 3].map((page) => listPublishedPosts(db(), { limit: 5, offset: page * 5 })),
    );
    const slugs = pages.flatMap((page) => page.posts.map((p) => p.slug));
    expect(slugs).not.toContain(trashed.slug);
    expect(new Set(slugs).size).toBe(published.length - 1);
    const byAuthor = await listPublishedPosts(db(), { limit: 50, authorSlug: trashed.author });
    expect(byAuthor.posts.map((p) => p.slug)).not.toContain(trashed.slug);
    await db().update(posts).set({ deletedAt: null }).where(eq(posts.slug, trashed.slug));
  });

  it("keeps a label's page in step with its posts: publish, redate, trash, restore, unpublish, relabel", async () => {
    const label = published[0].labels[0];
    const labelSlug = label.toLowerCase().replace(/ /g, '-');
    const slugsOfLabel = async () =>
      (await listPublishedPosts(db(), { limit: 50, labelSlug })).posts.map((p) => p.slug);
    const before = await slugsOfLabel();
    const draft = demoPosts.find((p) => p.slug === 'budget-vote-draft')!;
    const [{ id }] = await db().select({ id: posts.id }).from(posts).where(eq(posts.slug, draft.slug));
    const [{ id: labelId }] = await db().select({ id: labels.id }).from(labels).where(eq(labels.slug, labelSlug));
    await db().insert(postLabels).values({ postId: id, labelId }).onConflictDoNothing();
    expect(await slugsOfLabel()).toEqual(before);

    await db().update(posts).set({ status: 'published', publishedAt: now }).where(eq(posts.id, id));
    expect(await slugsOfLabel()).toEqual([draft.slug, ...before]);
    expect((await listLabelsWithCounts(db())).find((l) => l.slug === labelSlug)?.count).toBe(before.length + 1);
    await db()
      .update(posts)
      .set({ publishedAt: new Date('2001-01-01T00:00:00Z') })
      .where(eq(posts.id, id));
    expect(await slugsOfLabel()).toEqual([...before, draft.slug]);
    await db().update(posts).set({ deletedAt: now }).where(eq(posts.id, id));
    expect(await slugsOfLabel()).toEqual(before);
    await db().update(posts).set({ deletedAt: null }).where(eq(posts.id, id));
    expect(await slugsOfLabel()).toEqual([...before, draft.slug]);
    await db()
      .delete(postLabels)
      .where(and(eq(postLabels.postId, id), eq(postLabels.labelId, labelId)));
    expect(await slugsOfLabel()).toEqual(before);
    await db().insert(postLabels).values({ postId: id, labelId });
    expect(await slugsOfLabel()).toEqual([...before, draft.slug]);
    await db().update(posts).set({ status: 'draft', publishedAt: null }).where(eq(posts.id, id));
    expect(await slugsOfLabel()).toEqual(before);
  });

  it('keeps one settings row', async () => {
    await expect(db().insert(siteSettings).values({ id: 2, title: 'Second' })).rejects.toThrow();
  });
});
