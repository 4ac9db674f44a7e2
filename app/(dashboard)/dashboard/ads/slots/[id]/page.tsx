import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/dashboard/page-heading';
import { slotFields } from '@/components/dashboard/slot-fields';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { adMessages } from '@/lib/ads/messages';
import { readSlotForEditing } from '@/lib/ads/queries';
import { deleteSlotAction, saveSlotAction } from '@/lib/ads/slot-actions';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Edit ad slot' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; 'in-use'?: string }> };

export default async function EditAdSlotPage({ params, searchParams }: Props) {
  await requirePermission('ads:manage');
  const [found, query] = await Promise.all([readSlotForEditing((await params).id), searchParams]);
  if (!found) notFound();
  const { slot, labels } = found;
  return (
    <>
      <PageHeading title={slot.name} />
      {query.saved && <Notice tone="ok">{adMessages.slot.saved}</Notice>}
      {query['in-use'] && <Notice tone="error">{adMessages.slot.inUseNotice}</Notice>}
      <ActionForm
        action={saveSlotAction}
        fields={slotFields(labels, slot)}
        hidden={{ id: String(slot.id) }}
        submitLabel="Save slot"
      />
      <form action={deleteSlotAction} className="mt-8 border-t border-rule pt-6">
        <input type="hidden" name="id" value={slot.id} />
        <Button type="submit" variant="danger">
          Delete slot
        </Button>
      </form>
    </>
  );
}
