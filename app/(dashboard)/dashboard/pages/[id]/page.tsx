import type { Metadata } from 'next';
import { PageEditor } from '@/components/dashboard/page-editor';
import { PageHeading } from '@/components/dashboard/page-heading';
import { Button } from '@/components/ui/button';
import { requirePermission } from '@/lib/auth/current-user';
import { restorePageRevisionAction } from '@/lib/pages/actions';
import { getPageWithRevisions } from '@/lib/pages/dashboard-queries';
import { pageMessages } from '@/lib/pages/messages';
import { pagePath } from '@/lib/pages/permalink';

export const metadata: Metadata = { title: 'Edit page' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function EditPagePage({ params, searchParams }: Props) {
  await requirePermission('pages:manage');
  const { page, revisions } = await getPageWithRevisions((await params).id);
  const saved = (await searchParams).saved;
  const message =
    saved && saved in pageMessages.done ? pageMessages.done[saved as keyof typeof pageMessages.done] : null;
  const links = [
    { href: '/dashboard/pages', label: 'All pages' },
    ...(page.status === 'published'
      ? [{ href: pagePath(page.slug), label: 'View page', prefetch: false as const }]
      : []),
  ];
  return (
    <>
      <PageHeading title="Edit page" links={links} />
      <PageEditor
        key={page.updatedAt.getTime()}
        page={page}
        initialMessage={message ? { status: 'ok', message } : undefined}
      />
      <section aria-labelledby="versions" className="mt-10 max-w-3xl">
        <h2 id="versions" className="mb-3 font-serif text-xl font-bold">
          Earlier versions
        </h2>
        {revisions.length === 0 ? (
          <p className="text-sm text-muted">None yet: each change to a published page keeps the version it replaces.</p>
        ) : (
          <ul className="divide-y divide-rule rounded border border-rule bg-white">
            {revisions.map((revision) => (
              <li key={revision.id} className="flex flex-wrap items-center justify-between gap-3 p-3 text-sm">
                <span>
                  <strong>{revision.title}</strong> · saved {dateTime.format(revision.createdAt)} UTC
                </span>
                <form action={restorePageRevisionAction}>
                  <input type="hidden" name="id" value={page.id} />
                  <input type="hidden" name="revisionId" value={revision.id} />
                  <Button type="submit" variant="secondary">
                    Restore this version
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
