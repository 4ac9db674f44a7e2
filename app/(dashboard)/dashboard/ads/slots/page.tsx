import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { getDb } from '@/db';
import { listSlotsForAdmin } from '@/db/queries/ads-admin';
import { placementNames } from '@/lib/ads/slots';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Ad slots' };

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export default async function AdSlotsPage() {
  await requirePermission('ads:manage');
  const slots = await listSlotsForAdmin(await getDb());
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Ad slots</h1>
        <p className="flex items-center gap-4">
          <Link href="/dashboard/ads" className="text-sm font-semibold hover:text-accent">
            Ads
          </Link>
          <Link href="/dashboard/ads/slots/new" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-black">
            New slot
          </Link>
        </p>
      </div>
      <DataTable caption="Ad slots" headings={['Slot', 'Placement', 'Size', 'Shows on', 'Price a week', 'Ads']}>
        {slots.map((slot) => (
          <tr key={slot.id} className="border-b border-rule">
            <td className="p-3">
              <Link href={`/dashboard/ads/slots/${slot.id}`} className="font-semibold hover:text-accent">
                {slot.name}
              </Link>
              <span className="block text-muted">{slot.key}</span>
            </td>
            <td className="p-3">
              {placementNames[slot.placement]}
              {slot.placement === 'in_article' && `, after paragraph ${slot.afterParagraph}`}
            </td>
            <td className="p-3">
              {slot.width}×{slot.height}
            </td>
            <td className="p-3">{slot.labelName ? `Articles labelled ${slot.labelName}` : 'Every page'}</td>
            <td className="p-3">{money.format(slot.pricePerWeekCents / 100)}</td>
            <td className="p-3">{slot.ads}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
