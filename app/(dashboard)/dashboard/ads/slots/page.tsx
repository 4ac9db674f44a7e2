import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { SlotsTable } from '@/components/dashboard/slots-table';
import { listSlotsWithDetails } from '@/lib/ads/queries';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Ad slots' };

export default async function AdSlotsPage() {
  await requirePermission('ads:manage');
  const slots = await listSlotsWithDetails();
  return (
    <>
      <PageHeading
        title="Ad slots"
        links={[{ href: '/dashboard/ads', label: 'Ads' }]}
        primary={{ href: '/dashboard/ads/slots/new', label: 'New slot' }}
      />
      <SlotsTable slots={slots} />
    </>
  );
}
