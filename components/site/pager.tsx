/** Blogger's "Newer posts / Home / Older posts" links; page 1 lives at the base path itself. */
export function Pager({ basePath, page, hasOlder }: { basePath: string; page: number; hasOlder: boolean }) {
  const pageHref = (n: number) => (n === 1 ? basePath || '/' : `${basePath}/page/${n}`);
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
