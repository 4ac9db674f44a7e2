import type { PageDetail } from '@/lib/pages/queries';

/** A page outside the news (About, Contact): its title and body, with no date, byline or comments. */
export function StaticPage({ page }: { page: PageDetail }) {
  return (
    <article aria-labelledby="page-title">
      <h1 id="page-title" className="mb-3 font-serif text-3xl font-bold leading-tight sm:text-4xl">
        {page.title}
      </h1>
      <div
        className="prose prose-lg mt-6 max-w-none font-serif prose-headings:font-serif prose-a:text-accent"
        // Sanitized by lib/sanitize before it was stored.
        dangerouslySetInnerHTML={{ __html: page.bodyHtml }}
      />
    </article>
  );
}
