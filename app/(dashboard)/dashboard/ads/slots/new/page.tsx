import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { slotFields } from '@/components/dashboard/slot-fields';
import { ActionForm } from '@/components/ui/action-form';
import { listSlotLabels } from '@/lib/ads/queries';
import { saveSlotAction } from '@/lib/ads/slot-actions';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'New ad slot' };

export default async function NewAdSlotPage() {
  await requirePermission('ads:manage');
  const labels = await listSlotLabels();
  return (
    <>
      <PageHeading title="New ad slot" />
      <ActionForm action={saveSlotAction} fields={slotFields(labels)} submitLabel="Save slot" />
    </>
  );
}
