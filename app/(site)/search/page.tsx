import type { Metadata } from 'next';
import { SearchResults } from '@/components/site/search-results';
import { readSearchParams, searchPosts, type SearchParams } from '@/lib/posts/search';
import { scriptNonce } from '@/lib/request/script-nonce';

type Props = { searchParams: Promise<SearchParams> };

// Rendered per request from the query string; nginx's micro-cache still answers repeats of one search.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { words } = readSearchParams(await searchParams);
  return { title: words ? `Search: ${words}` : 'Search', robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  return <SearchResults search={await searchPosts(await searchParams)} nonce={await scriptNonce()} />;
}
