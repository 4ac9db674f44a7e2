import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { SubscriberImport } from '@/components/dashboard/subscriber-import';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { Notice } from '@/components/ui/notice';
import { requirePermission } from '@/lib/auth/current-user';
import { mailEnabled } from '@/lib/mail';
import { removeSubscriberAction } from '@/lib/subscribers/admin-actions';
import { subscriberMessages } from '@/lib/subscribers/messages';
import { loadSubscribersPage } from '@/lib/subscribers/pages';

export const metadata: Metadata = { title: 'Subscribers' };

const states = ['confirmed', 'pending', 'unsubscribed', 'bouncing'] as const;

export default async function SubscribersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; status?: string }>;
}) {
  await requirePermission('subscribers:manage');
  const { q = '', status } = await searchParams;
  const chosen = states.find((state) => state === status);
  const { counts, rows } = await loadSubscribersPage({ search: q.slice(0, 254), status: chosen });
  return (
    <>
      <PageHeading title="Subscribers" links={[{ href: '/dashboard/subscribers/export', label: 'Export CSV' }]} />
      {!mailEnabled() && <Notice tone="error">{subscriberMessages.dashboard.noSmtp}</Notice>}
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {states.map((state) => (
          <div key={state} className="rounded border border-rule bg-white p-3">
            <dt className="text-sm capitalize text-muted">{state}</dt>
            <dd className="text-2xl font-semibold">{counts[state].toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>
      <form role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="text-sm font-semibold">
          Search addresses
          <input
            name="q"
            type="search"
            defaultValue={q}
            className="mt-1 block rounded border border-gray-400 px-3 py-2 font-normal"
          />
        </label>
        <label className="text-sm font-semibold">
          State
          <select
            name="status"
            defaultValue={chosen ?? ''}
            className="mt-1 block rounded border border-gray-400 px-3 py-2 font-normal"
          >
            <option value="">Any</option>
            {states.map((state) => (
              <option key={state} value={state}>
                {state}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <DataTable headings={['Address', 'State', 'From', 'Since', 'Change']} caption="Subscribers">
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-rule">
            <td className="break-all p-3">{row.email}</td>
            <td className="p-3">{row.status}</td>
            <td className="p-3">{row.source}</td>
            <td className="p-3">{row.createdAt.toISOString().slice(0, 10)}</td>
            <td className="p-3 text-right">
              <form action={removeSubscriberAction}>
                <input type="hidden" name="id" value={row.id} />
                <Button type="submit" variant="danger" aria-label={`Remove ${row.email}`}>
                  Remove
                </Button>
              </form>
            </td>
          </tr>
        ))}
      </DataTable>
      {rows.length === 0 && <p className="p-3 text-sm text-muted">No address matches.</p>}
      <h2 className="mb-2 mt-8 text-lg font-semibold">Import from CSV</h2>
      <SubscriberImport />
    </>
  );
}
