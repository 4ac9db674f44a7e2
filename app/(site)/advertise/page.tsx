import type { Metadata } from 'next';
import { alternates } from '@/lib/seo';
import { listSidebarSlots } from '@/lib/ads/queries';

export const metadata: Metadata = {
  title: 'Advertise with us',
  description: 'Put your business in front of our readers: sidebar ad slots, booked by the week.',
  alternates: alternates('/advertise'),
};

export default async function AdvertisePage() {
  const slots = await listSidebarSlots();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 font-serif text-3xl font-bold">Buy AdSpace</h1>
      <p className="font-serif text-lg leading-relaxed">
        Local businesses keep independent news going. Our ad slots are sold directly, by the week, with no tracking
        networks in between: your ad appears beside every article, and you get an honest report of who saw it.
      </p>
      <h2 className="mb-3 mt-8 font-serif text-2xl font-bold">Slots</h2>
      <ul className="space-y-2">
        {slots.map((slot) => (
          <li key={slot.key} className="rounded border border-rule bg-white p-3">
            <span className="font-semibold">{slot.name}</span>{' '}
            <span className="text-muted">
              ({slot.width}×{slot.height}, sidebar)
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-8">
        To book a slot, write to us with your business name, the slot and the weeks you would like. Online booking is
        coming soon.
      </p>
    </div>
  );
}
