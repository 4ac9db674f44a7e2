import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdReport, RangeForm } from '@/components/ads/ad-report';
import { AdChangeButtons } from '@/components/dashboard/ad-change-buttons';
import { adFields } from '@/components/dashboard/ad-fields';
import { PageHeading } from '@/components/dashboard/page-heading';
import { ActionForm } from '@/components/ui/action-form';
import { Notice } from '@/components/ui/notice';
import { saveAdAction } from '@/lib/ads/actions';
import { adMessages } from '@/lib/ads/messages';
import { readAdForEditing } from '@/lib/ads/queries';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Edit ad' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; incomplete?: string; from?: string; to?: string }>;
};

export default async function EditAdPage({ params, searchParams }: Props) {
  await requirePermission('ads:manage');
  const query = await searchParams;
  const found = await readAdForEditing((await params).id, query);
  if (!found) notFound();
  const { ad, slots, range, days, reportUrl } = found;
  return (
    <>
      <PageHeading title={ad.advertiser} />
      {query.saved && <Notice tone="ok">{adMessages.ad.saved}</Notice>}
      {query.incomplete && <Notice tone="error">{adMessages.ad.incomplete}</Notice>}
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
      <AdChangeButtons ad={ad} className="mt-8 border-t border-rule pt-6" />
    </>
  );
}
