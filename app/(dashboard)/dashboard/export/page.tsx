import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Export' };

const download = 'inline-block rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-black';

/** Links to the two downloads; the routes check the permission again, since a link can be opened by anyone. */
export default async function ExportPage() {
  await requirePermission('export');
  return (
    <>
      <PageHeading title="Export" links={[{ href: '/dashboard/import', label: 'Import' }]} />
      <section className="mb-8 max-w-2xl" aria-labelledby="archive-heading">
        <h2 id="archive-heading" className="mb-2 font-serif text-xl font-bold">
          The whole site
        </h2>
        <p className="mb-4 text-sm text-muted">
          One file with everything: posts and pages with their revisions, labels, comments, people (without their
          passwords or second factors), ads with their figures, booking requests, followers, settings, the menu,
          redirects and the uploaded images. Restore it into an empty site with{' '}
          <code>npm run import -- FILE.tar.gz</code> or from Import.
        </p>
        {/* A plain link: the browser saves the file as it arrives, however large the site. */}
        <a href="/dashboard/export/archive" download className={download}>
          Download the archive
        </a>
      </section>
      <section className="max-w-2xl" aria-labelledby="wxr-heading">
        <h2 id="wxr-heading" className="mb-2 font-serif text-xl font-bold">
          For WordPress
        </h2>
        <p className="mb-4 text-sm text-muted">
          Posts, pages, labels and comments as a WordPress export (WXR), which WordPress reads at Tools → Import.
        </p>
        <a href="/dashboard/export/wxr" download className={download}>
          Download the WordPress export
        </a>
      </section>
    </>
  );
}
