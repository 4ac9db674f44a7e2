import type { Metadata } from 'next';
import { AdRequestList } from '@/components/dashboard/ad-request-list';
import { PageHeading } from '@/components/dashboard/page-heading';
import { listAdRequests } from '@/lib/ads/queries';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Ad requests' };

export default async function AdRequestsPage() {
  await requirePermission('ads:manage');
  const requests = await listAdRequests();
  return (
    <>
      <PageHeading title="Ad requests" links={[{ href: '/dashboard/ads', label: 'Back to the ads' }]} />
      <AdRequestList requests={requests} />
    </>
  );
}
