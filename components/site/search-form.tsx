import { SEARCH_MAX_LENGTH } from '@/lib/posts/search';

type Props = {
  /** The input's id: the sidebar's box and the search page's own may be on one page. */
  id: string;
  /** The landmark's name, different for each box on a page. */
  name: string;
  words?: string;
};

/** A plain GET form to the search page: it works without JavaScript. */
export function SearchForm({ id, name, words }: Props) {
  return (
    <form role="search" aria-label={name} action="/search" className="flex gap-2">
      <label htmlFor={id} className="sr-only">
        Search words
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={words}
        maxLength={SEARCH_MAX_LENGTH}
        className="search-input"
      />
      <button type="submit" className="search-button">
        Search
      </button>
    </form>
  );
}
