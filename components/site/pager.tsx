/** A listing's page N: page 1 lives at the base path itself, the others at `.../page/N`. */
export const listingPageHref = (basePath: string) => (n: number) =>
  n === 1 ? basePath || '/' : `${basePath}/page/${n}`;

type Props = { label: string; noun: 'post' | 'posts'; newerHref?: string; olderHref?: string };

/** Blogger's "Newer / Home / Older" line, under a listing (pages of posts) and under an article (its neighbours). */
export function NewerHomeOlder({ label, noun, newerHref, olderHref }: Props) {
  return (
    <nav aria-label={label} className="pager">
      <span>
        {newerHref && (
          <a href={newerHref} rel="prev">
            {`← Newer ${noun}`}
          </a>
        )}
      </span>
      <a href="/">Home</a>
      <span>
        {olderHref && (
          <a href={olderHref} rel="next">
            {`Older ${noun} →`}
          </a>
        )}
      </span>
    </nav>
  );
}

export function Pager({
  pageHref,
  page,
  hasOlder,
}: {
  pageHref: (n: number) => string;
  page: number;
  hasOlder: boolean;
}) {
  return (
    <NewerHomeOlder
      label="Pagination"
      noun="posts"
      newerHref={page > 1 ? pageHref(page - 1) : undefined}
      olderHref={hasOlder ? pageHref(page + 1) : undefined}
    />
  );
}
