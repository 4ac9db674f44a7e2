import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { getDb } from '@/lib/db';
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
      <PageHeading
        title="Ad slots"
        links={[{ href: '/dashboard/ads', label: 'Ads' }]}
        primary={{ href: '/dashboard/ads/slots/new', label: 'New slot' }}
      />
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
