import { searchPath, type Search } from '@/lib/posts/search';
import { getSettings } from '@/lib/settings/queries';
import { Pager } from './pager';
import { PostList } from './post-list';
import { SearchForm } from './search-form';
import { SiteFrame } from './site-frame';

/** The search page: the reader's words back in the box, then what matched, newest first, in pages. */
export async function SearchResults({ search, nonce }: { search: Search; nonce?: string }) {
  const words = search.kind === 'blank' ? '' : search.words;
  return (
    <SiteFrame nonce={nonce}>
      <h1 className="mb-6 font-serif text-3xl font-bold">
        {search.kind === 'results' ? `Search results for “${search.words}”` : 'Search'}
        {search.kind === 'results' && search.page > 1 && `, page ${search.page}`}
      </h1>
      <div className="mb-8">
        <SearchForm name="Search again" words={words} />
        {search.kind === 'rejected' && (
          <p role="alert" className="mt-2 text-sm font-semibold text-accent">
            {search.message}
          </p>
        )}
      </div>
      {search.kind === 'blank' && <p className="text-muted">Type some words to find the posts that hold them.</p>}
      {search.kind === 'results' && <Results search={search} />}
    </SiteFrame>
  );
}

async function Results({ search }: { search: Extract<Search, { kind: 'results' }> }) {
  if (search.posts.length === 0) {
    return (
      <p className="font-serif text-lg">
        {search.page > 1 ? 'No more posts match ' : 'No posts match '}“{search.words}”. Try other words, or fewer.
      </p>
    );
  }
  const settings = await getSettings();
  return (
    <>
      <PostList posts={search.posts} timeZone={settings.timeZone} />
      <Pager pageHref={(n) => searchPath(search.words, n)} page={search.page} hasOlder={search.hasMore} />
    </>
  );
}
