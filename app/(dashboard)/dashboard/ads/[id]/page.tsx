import type { Metadata } from 'next';
import { Notice } from '@/components/ui/notice';
import { notFound } from 'next/navigation';
import { adFields } from '@/components/dashboard/ad-fields';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db';
import { getAd, listSlots } from '@/db/queries/ads-admin';
import { changeAdAction, saveAdAction } from '@/lib/ads/actions';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Edit ad' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; incomplete?: string }> };

export default async function EditAdPage({ params, searchParams }: Props) {
  await requirePermission('ads:manage');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const [ad, slots, { saved, incomplete }] = await Promise.all([getAd(db, id), listSlots(db), searchParams]);
  if (!ad) notFound();
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">{ad.advertiser}</h1>
      {saved && (
        <Notice tone="ok">
          Ad saved. Pages show it now.
        </Notice>
      )}
      {incomplete && (
        <Notice tone="error">
          Add the image and the target URL, then save the ad as active.
        </Notice>
      )}
      {ad.imageUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- the creative as readers see it
        <img src={ad.imageUrl} alt={ad.altText} className="mb-6 max-w-full border border-rule" />
      )}
      <ActionForm action={saveAdAction} fields={adFields(slots, ad)} hidden={{ id: String(ad.id) }} submitLabel="Save ad" />
      <form action={changeAdAction} className="mt-8 flex gap-2 border-t border-rule pt-6">
        <input type="hidden" name="id" value={ad.id} />
        <Button type="submit" name="change" value={ad.status === 'paused' ? 'resume' : 'pause'} variant="secondary">
          {ad.status === 'paused' ? 'Resume' : 'Pause'}
        </Button>
        <Button type="submit" name="change" value="delete" variant="danger">
          Delete
        </Button>
      </form>
    </>
  );
}
