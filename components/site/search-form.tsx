type Props = {
  /** The landmark's name: the sidebar's box and the search page's own are on one page there. */
  name: string;
  words?: string;
};

/**
 * A plain GET form to the search page: it works without JavaScript. It is on every reader page, so it is kept to
 * the least markup (page weight is what a page view costs Node, bench/FINDINGS.md); the server checks the words.
 */
export function SearchForm({ name, words }: Props) {
  return (
    <form role="search" aria-label={name} action="/search" className="search-box">
      <input name="q" type="search" aria-label="Search words" {...(words && { defaultValue: words })} />
      <button>Search</button>
    </form>
  );
}
