import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { searchPublishedPosts, type PostSummary } from '@/db/queries/posts';
import { firstValue } from '@/lib/query-string';
import { getSettings } from '@/lib/settings/queries';

export const SEARCH_MAX_LENGTH = 200;

const searchParamsSchema = z.object({
  q: z.preprocess(firstValue, z.string().trim().catch('')),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(10_000).catch(1)),
});

export type SearchParams = Record<string, string | string[] | undefined>;

/** The words and page number of a search page's query string; anything unreadable counts as absent. */
export function readSearchParams(searchParams: SearchParams): { words: string; page: number } {
  const { q, page } = searchParamsSchema.parse(searchParams);
  return { words: q, page };
}

export type Search =
  | { kind: 'blank' }
  | { kind: 'rejected'; words: string; message: string }
  | { kind: 'results'; words: string; page: number; posts: PostSummary[]; hasMore: boolean };

/**
 * A reader's search, from the search page's query string (`?q=words&page=2`): what they asked, and the page of
 * published posts that match. Not cached: every set of words would be an entry of its own.
 */
export async function searchPosts(searchParams: SearchParams): Promise<Search> {
  const { words, page } = readSearchParams(searchParams);
  if (!words) return { kind: 'blank' };
  if (words.length > SEARCH_MAX_LENGTH) {
    return { kind: 'rejected', words, message: `Search for at most ${SEARCH_MAX_LENGTH} characters.` };
  }
  const settings = await getSettings();
  const perPage = settings.postsPerPage;
  const found = await searchPublishedPosts(await getDb(), { words, limit: perPage, offset: (page - 1) * perPage });
  return { kind: 'results', words, page, ...found };
}

/** The search page's address for these words and page. */
export function searchPath(words: string, page = 1): string {
  const query = new URLSearchParams({ q: words });
  if (page > 1) query.set('page', String(page));
  return `/search?${query}`;
}
