import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeading } from '@/components/dashboard/page-heading';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Notice } from '@/components/ui/notice';
import { requirePermission } from '@/lib/auth/current-user';
import { deleteRedirectAction, importRedirectsAction, saveRedirectAction } from '@/lib/redirects/actions';
import { redirectMessages } from '@/lib/redirects/messages';
import { getRedirectToEdit, listRedirectsForDashboard } from '@/lib/redirects/queries';

export const metadata: Metadata = { title: 'Redirects' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

const addressFields = (from = '', to = '') => [
  {
    name: 'fromPath',
    label: 'Old address',
    defaultValue: from,
    required: true,
    hint: 'A path on this site: /about, /2018/10/story.html, /?p=12',
  },
  {
    name: 'toPath',
    label: 'New address',
    defaultValue: to,
    required: true,
    hint: 'A path here (/p/about) or a full https:// address',
  },
];

export default async function RedirectsPage({ searchParams }: Props) {
  await requirePermission('redirects:manage');
  const params = await searchParams;
  const [redirects, editing] = await Promise.all([listRedirectsForDashboard(), getRedirectToEdit(params.edit)]);
  return (
    <>
      <PageHeading title="Redirects" />
      <p className="mb-6 max-w-2xl text-sm text-muted">
        An old address answers with a permanent redirect to its new one, so links and search results from before keep
        working. An address with a page of its own shows that page: redirects are checked only where there is nothing.
      </p>
      {params.saved && <Notice tone="ok">{redirectMessages.saved}</Notice>}
      {params.deleted && <Notice tone="ok">{redirectMessages.deleted}</Notice>}
      <div className="mb-10 grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="add-heading">
          <h2 id="add-heading" className="mb-3 font-serif text-xl font-bold">
            {editing ? 'Edit redirect' : 'Add a redirect'}
          </h2>
          <ActionForm
            key={editing?.id ?? 'new'}
            action={saveRedirectAction}
            fields={addressFields(editing?.fromPath, editing?.toPath)}
            hidden={editing ? { id: String(editing.id) } : {}}
            submitLabel={editing ? 'Save redirect' : 'Add redirect'}
          />
          {editing && (
            <p className="mt-3 text-sm">
              <Link href="/dashboard/redirects" className="font-semibold hover:text-accent">
                Cancel
              </Link>
            </p>
          )}
        </section>
        <section aria-labelledby="import-heading">
          <h2 id="import-heading" className="mb-3 font-serif text-xl font-bold">
            Import a CSV
          </h2>
          <ActionForm
            action={importRedirectsAction}
            fields={[
              { name: 'file', label: 'CSV file', type: 'file', accept: '.csv,text/csv,text/plain' },
              {
                name: 'rows',
                label: 'Or paste its rows',
                type: 'textarea',
                hint: 'One a line: old address, comma, new address.',
              },
            ]}
            submitLabel="Import"
          />
        </section>
      </div>
      {redirects.length === 0 ? (
        <p>No redirects yet.</p>
      ) : (
        <DataTable headings={['Old address', 'New address', 'Made by', 'Change']} caption="Redirects">
          {redirects.map((row) => (
            <tr key={row.id} className="border-b border-rule last:border-0">
              <td className="break-all p-3 font-mono text-xs">{row.fromPath}</td>
              <td className="break-all p-3 font-mono text-xs">{row.toPath}</td>
              <td className="p-3">{redirectMessages.source[row.source]}</td>
              <td className="p-3">
                <div className="flex flex-wrap items-center gap-3">
                  <Link href={`/dashboard/redirects?edit=${row.id}`} className="font-semibold hover:text-accent">
                    Edit<span className="sr-only"> {row.fromPath}</span>
                  </Link>
                  <form action={deleteRedirectAction}>
                    <input type="hidden" name="id" value={row.id} />
                    <Button type="submit" variant="danger" aria-label={`Delete ${row.fromPath}`}>
                      Delete
                    </Button>
                  </form>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
