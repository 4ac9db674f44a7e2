import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { slotFields } from '@/components/dashboard/slot-fields';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { getDb } from '@/lib/db';
import { getSlot } from '@/db/queries/ads-admin';
import { listAllLabels } from '@/db/queries/taxonomy';
import { deleteSlotAction, saveSlotAction } from '@/lib/ads/slot-actions';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Edit ad slot' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; 'in-use'?: string }> };

export default async function EditAdSlotPage({ params, searchParams }: Props) {
  await requirePermission('ads:manage');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const [slot, labels, query] = await Promise.all([getSlot(db, id), listAllLabels(db), searchParams]);
  if (!slot) notFound();
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">{slot.name}</h1>
      {query.saved && <Notice tone="ok">Slot saved. Pages show it now.</Notice>}
      {query['in-use'] && (
        <Notice tone="error">This slot still has ads or booking requests: delete those first.</Notice>
      )}
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
