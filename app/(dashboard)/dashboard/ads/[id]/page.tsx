import type { Metadata } from 'next';
import { AdReport, RangeForm } from '@/components/ads/ad-report';
import { Notice } from '@/components/ui/notice';
import { notFound } from 'next/navigation';
import { adFields } from '@/components/dashboard/ad-fields';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { getDb } from '@/lib/db';
import { dailyFigures } from '@/db/queries/ad-stats';
import { getAd, listSlots } from '@/db/queries/ads-admin';
import { reportRange } from '@/lib/ads/report';
import { env } from '@/lib/env';
import { changeAdAction, saveAdAction } from '@/lib/ads/actions';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Edit ad' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; incomplete?: string; from?: string; to?: string }>;
};

export default async function EditAdPage({ params, searchParams }: Props) {
  await requirePermission('ads:manage');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const [ad, slots, query] = await Promise.all([getAd(db, id), listSlots(db), searchParams]);
  if (!ad) notFound();
  const { saved, incomplete } = query;
  const range = reportRange(query);
  const days = await dailyFigures(db, [ad.id], range.from, range.to);
  const reportUrl = new URL(`/ads/report/${ad.reportToken}`, env().SITE_URL).toString();
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">{ad.advertiser}</h1>
      {saved && <Notice tone="ok">Ad saved. Pages show it now.</Notice>}
      {incomplete && <Notice tone="error">Add the image and the target URL, then save the ad as active.</Notice>}
      <section aria-labelledby="report" className="mb-10 space-y-4">
        <h2 id="report" className="font-serif text-2xl font-bold">
          Report
        </h2>
        <RangeForm range={range} action={`/dashboard/ads/${ad.id}`} />
        <AdReport days={days} />
        <p className="text-sm">
          The advertiser’s private report link (whoever holds it can read these figures, nothing else):{' '}
          <a href={reportUrl} className="break-all font-semibold text-accent hover:underline">
            {reportUrl}
          </a>
        </p>
      </section>
      <h2 className="mb-4 font-serif text-2xl font-bold">Edit</h2>
      {ad.imageUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- the creative as readers see it
        <img src={ad.imageUrl} alt={ad.altText} className="mb-6 max-w-full border border-rule" />
      )}
      <ActionForm
        action={saveAdAction}
        fields={adFields(slots, ad)}
        hidden={{ id: String(ad.id) }}
        submitLabel="Save ad"
      />
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
