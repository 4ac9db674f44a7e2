import type { Metadata } from 'next';
import Link from 'next/link';
import { AdReport, RangeForm } from '@/components/ads/ad-report';
import { AdsTable } from '@/components/dashboard/ads-table';
import { PageHeading } from '@/components/dashboard/page-heading';
import { adMessages } from '@/lib/ads/messages';
import { readAdsOverview } from '@/lib/ads/queries';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Ads' };

type Props = { searchParams: Promise<{ from?: string; to?: string }> };

export default async function AdsPage({ searchParams }: Props) {
  await requirePermission('ads:manage');
  const { range, sections } = await readAdsOverview(await searchParams);
  const now = new Date();
  return (
    <>
      <PageHeading
        title="Ads"
        links={[
          { href: '/dashboard/ads/slots', label: 'Slots' },
          { href: '/dashboard/ads/requests', label: 'Requests' },
        ]}
        primary={{ href: '/dashboard/ads/new', label: 'New ad' }}
      />
      <div className="mb-8">
        <RangeForm range={range} action="/dashboard/ads" />
        <p className="mt-2 text-sm text-muted">
          Figures from {range.from} to {range.to} (UTC days).
        </p>
      </div>
      {sections.map(({ slot, ads, days }) => (
        <section key={slot.id} aria-labelledby={`slot-${slot.id}`} className="mb-10 space-y-4">
          <h2 id={`slot-${slot.id}`} className="font-serif text-xl font-bold">
            <Link href={`/dashboard/ads/slots/${slot.id}`} className="hover:text-accent">
              {slot.name}
            </Link>{' '}
            <span className="text-base font-normal text-muted">
              ({slot.width}×{slot.height}, {adMessages.placements[slot.placement]})
            </span>
          </h2>
          <AdReport days={days} />
          {ads.length > 0 ? (
            <AdsTable ads={ads} caption={`Ads in ${slot.name}`} now={now} />
          ) : (
            <p className="text-sm text-muted">
              No ads in this slot yet: readers see the house ad, “Your ad here: Buy AdSpace”.
            </p>
          )}
        </section>
      ))}
    </>
  );
}
