import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { getDb } from '@/db';
import { listAdsWithTotals, listSlots } from '@/db/queries/ads-admin';
import { changeAdAction } from '@/lib/ads/actions';
import { isAdLive } from '@/lib/ads/rules';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Ads' };

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function AdsPage() {
  await requirePermission('ads:manage');
  const db = await getDb();
  const [slots, ads] = await Promise.all([listSlots(db), listAdsWithTotals(db)]);
  const now = new Date();
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Ads</h1>
        <p className="flex items-center gap-4">
          <Link href="/dashboard/ads/requests" className="text-sm font-semibold hover:text-accent">
            Requests
          </Link>
          <Link href="/dashboard/ads/new" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-black">
            New ad
          </Link>
        </p>
      </div>
      {slots.map((slot) => (
        <section key={slot.id} aria-labelledby={`slot-${slot.id}`} className="mb-8">
          <h2 id={`slot-${slot.id}`} className="mb-2 font-serif text-xl font-bold">
            {slot.name} <span className="text-base font-normal text-muted">({slot.width}×{slot.height}, {slot.placement})</span>
          </h2>
          <DataTable headings={['Advertiser', 'Showing', 'Window (UTC)', 'Weight', 'Seen', 'Clicks', 'Actions']}>
              {ads
                .filter((ad) => ad.slotId === slot.id)
                .map((ad) => (
                  <tr key={ad.id} className="border-b border-rule">
                    <td className="p-3">
                      <Link href={`/dashboard/ads/${ad.id}`} className="font-semibold hover:text-accent">
                        {ad.advertiser}
                      </Link>
                      <span className="block text-muted">{ad.headline}</span>
                    </td>
                    <td className="p-3">{ad.status === 'paused' ? 'Paused' : isAdLive(ad, now) ? 'Live' : 'Outside its window'}</td>
                    <td className="p-3">
                      {when.format(ad.startsAt)} – {ad.endsAt ? when.format(ad.endsAt) : 'no end'}
                    </td>
                    <td className="p-3">{ad.weight}</td>
                    <td className="p-3">{ad.impressions}</td>
                    <td className="p-3">{ad.clicks}</td>
                    <td className="p-3">
                      <form action={changeAdAction} className="flex gap-2">
                        <input type="hidden" name="id" value={ad.id} />
                        <Button type="submit" name="change" value={ad.status === 'paused' ? 'resume' : 'pause'} variant="secondary" className="px-2 py-1">
                          {ad.status === 'paused' ? 'Resume' : 'Pause'}
                          <span className="sr-only"> {ad.advertiser}</span>
                        </Button>
                        <Button type="submit" name="change" value="delete" variant="danger" className="px-2 py-1">
                          Delete<span className="sr-only"> {ad.advertiser}</span>
                        </Button>
                      </form>
                    </td>
                  </tr>
                ))}
            </DataTable>
        </section>
      ))}
    </>
  );
}
