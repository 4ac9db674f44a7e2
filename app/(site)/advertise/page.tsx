import type { Metadata } from 'next';
import { PlacementPreview } from '@/components/site/placement-preview';
import { SiteFrame } from '@/components/site/site-frame';
import { ActionForm } from '@/components/ui/action-form';
import { requestAdSpaceAction } from '@/lib/ads/actions';
import { adMessages, formatPrice } from '@/lib/ads/messages';
import { readAvailability } from '@/lib/ads/queries';
import { alternates } from '@/lib/seo';
import { scriptNonce } from '@/lib/request/script-nonce';

// Rendered per request: the calendar is live, and a form sent without JavaScript comes back with its message.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Advertise with us',
  description: 'Put your business in front of our readers: sidebar ad slots, booked by the week.',
  alternates: alternates('/advertise'),
};

const week = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export default async function AdvertisePage() {
  const { slots, weeks } = await readAvailability(new Date(), 8);
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <div className="max-w-3xl">
        <h1 className="mb-4 font-serif text-3xl font-bold">Buy AdSpace</h1>
        <p className="font-serif text-lg leading-relaxed">
          Local businesses keep independent news going. Our ad slots are sold directly, by the week, with no tracking
          networks in between: your ad appears beside or inside our articles, and you get an honest report of who saw
          it.
        </p>

        <h2 className="mb-3 mt-8 font-serif text-2xl font-bold">Slots</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {slots.map((slot) => (
            <li key={slot.id} className="rounded border border-rule bg-white p-4">
              <p className="font-semibold">{slot.name}</p>
              <p className="text-sm text-muted">
                {slot.width}×{slot.height}, {adMessages.placements[slot.placement].toLowerCase()} ·{' '}
                {formatPrice(slot.pricePerWeekCents)} a week
                {slot.labelName && `, only on articles labelled ${slot.labelName}`}
              </p>
              <PlacementPreview slot={slot} slots={slots} />
            </li>
          ))}
        </ul>

        <h2 className="mb-3 mt-8 font-serif text-2xl font-bold">Availability</h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">
              Ads already running in each slot, week by week (weeks start on Monday)
            </caption>
            <thead>
              <tr className="border-b border-rule">
                <th className="p-2">Week of</th>
                {slots.map((slot) => (
                  <th key={slot.id} className="p-2">
                    {slot.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map(({ start, booked }) => (
                <tr key={start.toISOString()} className="border-b border-rule">
                  <td className="p-2">{week.format(start)}</td>
                  {slots.map((slot) => {
                    const n = booked.get(slot.id) ?? 0;
                    return (
                      <td key={slot.id} className="p-2">
                        {n === 0 ? 'Open' : `${n} booked`}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h2 className="mb-3 mt-8 font-serif text-2xl font-bold">Request a booking</h2>
        <ActionForm
          action={requestAdSpaceAction}
          submitLabel="Send request"
          fields={[
            { name: 'company', label: 'Company', required: true },
            { name: 'email', label: 'Email', type: 'email', required: true },
            {
              name: 'slotId',
              label: 'Slot',
              type: 'select',
              options: slots.map((slot) => ({
                value: String(slot.id),
                label: `${slot.name} (${slot.width}×${slot.height})`,
              })),
            },
            { name: 'startDate', label: 'Start date', type: 'date', required: true },
            { name: 'weeks', label: 'Weeks', type: 'number', defaultValue: '1' },
            { name: 'message', label: 'Message', type: 'textarea' },
            {
              name: 'creative',
              label: 'Creative (optional)',
              type: 'file',
              accept: 'image/jpeg,image/png,image/webp,image/gif',
              hint: 'Exactly the slot’s size.',
            },
          ]}
        />
      </div>
    </SiteFrame>
  );
}
