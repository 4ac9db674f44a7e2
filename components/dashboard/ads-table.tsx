import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import type { AdWithTotals } from '@/lib/ads/queries';
import { formatCtr } from '@/lib/ads/report';
import { isAdLive } from '@/lib/ads/rules';
import { AdChangeButtons } from './ad-change-buttons';

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** One slot's ads with their window, weight and figures for the chosen range, and the Pause and Delete buttons. */
export function AdsTable({ ads, caption, now }: { ads: AdWithTotals[]; caption: string; now: Date }) {
  return (
    <DataTable
      caption={caption}
      headings={['Advertiser', 'Showing', 'Window (UTC)', 'Weight', 'Impressions', 'Clicks', 'CTR', 'Actions']}
    >
      {ads.map((ad) => (
        <tr key={ad.id} className="border-b border-rule">
          <td className="p-3">
            <Link href={`/dashboard/ads/${ad.id}`} className="font-semibold hover:text-accent">
              {ad.advertiser}
            </Link>
            <span className="block text-muted">{ad.headline}</span>
          </td>
          <td className="p-3">
            {ad.status === 'paused' ? 'Paused' : isAdLive(ad, now) ? 'Live' : 'Outside its window'}
          </td>
          <td className="p-3">
            {when.format(ad.startsAt)} – {ad.endsAt ? when.format(ad.endsAt) : 'no end'}
          </td>
          <td className="p-3">{ad.weight}</td>
          <td className="p-3">{ad.impressions}</td>
          <td className="p-3">{ad.clicks}</td>
          <td className="p-3">{formatCtr(ad.clicks, ad.impressions)}</td>
          <td className="p-3">
            <AdChangeButtons ad={ad} compact />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
