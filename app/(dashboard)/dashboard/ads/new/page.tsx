import type { Metadata } from 'next';
import { adFields } from '@/components/dashboard/ad-fields';
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/lib/db';
import { listSlots } from '@/db/queries/ads-admin';
import { saveAdAction } from '@/lib/ads/actions';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'New ad' };

export default async function NewAdPage() {
  await requirePermission('ads:manage');
  const slots = await listSlots(await getDb());
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">New ad</h1>
      <ActionForm action={saveAdAction} fields={adFields(slots)} submitLabel="Save ad" />
    </>
  );
}
