import 'server-only';
import { getDb } from '@/lib/db';
import * as posts from '@/db/queries/posts';
import * as taxonomy from '@/db/queries/taxonomy';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';
import { getSettings } from '@/lib/settings/queries';
import { postPath } from './permalink';
import { isPreviewSignatureValid, readPreviewToken } from './preview';

export type { PostDetail, PostFilter, PostSummary, LabelRef } from '@/db/queries/posts';

export type ListingQuery = posts.PostFilter & { page: number; perPage: number };

/** One page of a listing (home, label, author or month), newest first. */
export const listPosts = cached(
  'posts:list',
  (db, { page, perPage, ...filter }: ListingQuery) =>
    posts.listPublishedPosts(db, { ...filter, limit: perPage, offset: (page - 1) * perPage }),
  (query) => [
    tags.posts,
    ...(query.labelSlug ? [tags.label(query.labelSlug)] : []),
    ...(query.authorSlug ? [tags.author(query.authorSlug)] : []),
  ],
);

export const getPost = cached('post', posts.getPublishedPostBySlug, (slug) => [tags.post(slug)]);

/** The live posts on either side of a post, by date. Any publish or unpublish can change them, as it does listings. */
export const getAdjacentPosts = cached('post:adjacent', posts.getAdjacentPublishedPosts, () => [tags.posts]);

/** Live posts' bodies by id, for feeds that carry whole posts. Every change to a live post refreshes the tag. */
export const listPostBodies = cached('posts:bodies', posts.listPublishedBodies, () => [tags.posts]);

/** Every published post's slug and dates, for the sitemap. */
export const listPostDates = cached(
  'posts:dates',
  (db) => posts.listPublishedPostDates(db),
  () => [tags.posts],
);

export const listLabels = cached('labels', taxonomy.listLabelsWithCounts, () => [tags.posts]);

/**
 * A label readers may see, with its number of live posts: one on at least one live post, or null. A label only
 * drafts or scheduled posts carry ("Mayor Resigns") names a story that is not out yet.
 */
export async function getLiveLabel(slug: string): Promise<taxonomy.LabelWithCount | null> {
  return (await listLabels()).find((label) => label.slug === slug) ?? null;
}

/** An author by slug, with their number of live posts (which any publish can change). */
export const getAuthor = cached('author', taxonomy.getAuthorBySlug, (slug) => [tags.author(slug), tags.posts]);
export const listArchiveMonths = cached('archive', taxonomy.listArchiveMonths, () => [tags.posts]);

/** How many of the newest posts `next build` renders; older ones render on first visit (ISR). */
export const PRERENDERED_POSTS = 30;

/** Permalinks of the newest posts, for the article route's static params. */
export async function listRecentPostPaths(): Promise<string[]> {
  const [dates, settings] = await Promise.all([
    posts.listPublishedPostDates(await getDb(), PRERENDERED_POSTS),
    getSettings(),
  ]);
  return dates.map((post) => postPath(post, settings.timeZone));
}

/** Permalinks of the given posts (by id or slug) that have been published: where a change to them shows. */
export async function permalinksOf(which: { ids?: number[]; slugs?: string[] }): Promise<string[]> {
  const [dates, settings] = await Promise.all([posts.listPublishedDatesOf(await getDb(), which), getSettings()]);
  return dates.map((post) => postPath(post, settings.timeZone));
}

/**
 * The draft or scheduled post a preview link shows, or null when the link is malformed, expired or revoked (the
 * post was published since, which gives it a new secret). Not cached: previews show the latest save.
 */
export async function getPreview(link: string) {
  const token = readPreviewToken(link);
  if (!token) return null;
  const found = await posts.getPostForPreview(await getDb(), token.postId);
  if (!found || !isPreviewSignatureValid(token, found.previewSecret)) return null;
  // Dated as if it went out now, as it would if published.
  return { status: found.status, post: { ...found.detail, publishedAt: found.detail.publishedAt ?? new Date() } };
}
