import type { Metadata } from 'next';
import { slotFields } from '@/components/dashboard/slot-fields';
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/lib/db';
import { listAllLabels } from '@/db/queries/taxonomy';
import { saveSlotAction } from '@/lib/ads/slot-actions';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'New ad slot' };

export default async function NewAdSlotPage() {
  await requirePermission('ads:manage');
  const labels = await listAllLabels(await getDb());
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">New ad slot</h1>
      <ActionForm action={saveSlotAction} fields={slotFields(labels)} submitLabel="Save slot" />
    </>
  );
}
