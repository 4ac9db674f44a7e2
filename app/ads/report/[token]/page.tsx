import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdReport, RangeForm } from '@/components/ads/ad-report';
import { readAdvertiserReport } from '@/lib/ads/report-access';
import { getSettings } from '@/lib/settings/queries';

// Live figures for whoever holds the link: rendered per request, kept out of search engines and referrers.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Ad report',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

export default async function AdvertiserReportPage({ params, searchParams }: Props) {
  const { token } = await params;
  const report = await readAdvertiserReport(token, await searchParams);
  if (!report) notFound();
  const { ad, range, days } = report;
  const settings = await getSettings();
  const here = `/ads/report/${token}`;
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <header>
        <p className="text-sm uppercase tracking-wider text-muted">{settings.title} · ad report</p>
        <h1 className="font-serif text-3xl font-bold">{ad.advertiser}</h1>
        <p className="text-muted">
          “{ad.headline}” in {ad.slotName}, {when.format(ad.startsAt)} –{' '}
          {ad.endsAt ? when.format(ad.endsAt) : 'no end date'}
        </p>
      </header>
      <RangeForm range={range} action={here} />
      <AdReport days={days} tableOpen />
      <p className="text-sm text-muted">
        An impression counts when at least half of the ad was in view for a second, once per reader every 30 minutes;
        known bots are left out. Readers without JavaScript are counted apart, when the ad was served. Days are in UTC.
      </p>
      <p>
        <a
          href={`${here}/csv?from=${range.from}&to=${range.to}`}
          className="font-semibold text-accent hover:underline"
          download
        >
          Download CSV
        </a>
      </p>
    </main>
  );
}
