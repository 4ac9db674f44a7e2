import type { Metadata } from 'next';
import { adFields } from '@/components/dashboard/ad-fields';
import { PageHeading } from '@/components/dashboard/page-heading';
import { ActionForm } from '@/components/ui/action-form';
import { saveAdAction } from '@/lib/ads/actions';
import { listSlots } from '@/lib/ads/queries';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'New ad' };

export default async function NewAdPage() {
  await requirePermission('ads:manage');
  const slots = await listSlots();
  return (
    <>
      <PageHeading title="New ad" />
      <ActionForm action={saveAdAction} fields={adFields(slots)} submitLabel="Save ad" />
    </>
  );
}
