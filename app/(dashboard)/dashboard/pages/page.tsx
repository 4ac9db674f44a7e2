import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/components/dashboard/page-heading';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/current-user';
import { listPagesForDashboard } from '@/lib/pages/dashboard-queries';
import { pageMessages } from '@/lib/pages/messages';
import { pagePath } from '@/lib/pages/permalink';

export const metadata: Metadata = { title: 'Pages' };

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function PagesPage() {
  await requirePermission('pages:manage');
  const pages = await listPagesForDashboard();
  return (
    <>
      <PageHeading title="Pages" primary={{ href: '/dashboard/pages/new', label: 'New page' }} />
      <p className="mb-4 max-w-2xl text-sm text-muted">
        Pages stand outside the news (About, Contact, Corrections policy): they are never on the home page, in the
        archives or in the feed. Add one to the{' '}
        <Link href="/dashboard/settings/menu" className="underline hover:text-accent">
          header menu
        </Link>{' '}
        once it is published.
      </p>
      {pages.length === 0 ? (
        <p>No pages yet.</p>
      ) : (
        <DataTable headings={['Title', 'Address', 'Status', 'Last changed (UTC)']} caption="Pages">
          {pages.map((page) => (
            <tr key={page.id} className="border-b border-rule last:border-0">
              <td className="p-3">
                <Link href={`/dashboard/pages/${page.id}`} className="font-semibold hover:text-accent">
                  {page.title}
                </Link>
              </td>
              <td className="p-3">
                {page.status === 'published' ? (
                  <a href={pagePath(page.slug)} className="underline hover:text-accent">
                    {pagePath(page.slug)}
                  </a>
                ) : (
                  pagePath(page.slug)
                )}
              </td>
              <td className="p-3">{pageMessages.status[page.status]}</td>
              <td className="p-3">{dateTime.format(page.updatedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
