/** A listing's page N: page 1 lives at the base path itself, the others at `.../page/N`. */
export const listingPageHref = (basePath: string) => (n: number) => (n === 1 ? basePath || '/' : `${basePath}/page/${n}`);

/** Blogger's "Newer posts / Home / Older posts" links. */
export function Pager({ pageHref, page, hasOlder }: { pageHref: (n: number) => string; page: number; hasOlder: boolean }) {
  const link = 'font-semibold text-accent hover:underline';
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-between border-t border-rule pt-4 text-sm">
      <span>
        {page > 1 && (
          <a href={pageHref(page - 1)} rel="prev" className={link}>
            ← Newer posts
          </a>
        )}
      </span>
      <a href="/" className="text-muted hover:text-accent">
        Home
      </a>
      <span>
        {hasOlder && (
          <a href={pageHref(page + 1)} rel="next" className={link}>
            Older posts →
          </a>
        )}
      </span>
    </nav>
  );
}
