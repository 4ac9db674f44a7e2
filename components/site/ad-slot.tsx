import Link from 'next/link';
import type { SlotWithAds } from '@/lib/ads/queries';

/**
 * Each ad sits in a box of the slot's exact size, reserved by the markup itself (width plus aspect ratio),
 * so nothing moves when the image arrives. An unsold slot shows the house ad.
 */
export function AdSlot({ slot }: { slot: SlotWithAds }) {
  const box = { width: slot.width, maxWidth: '100%', aspectRatio: `${slot.width} / ${slot.height}` };
  return (
    <section aria-label={`Advertisement: ${slot.name}`} className="space-y-4" data-slot={slot.key}>
      {slot.ads.map((ad) => (
        <figure key={ad.id} className="m-0">
          <figcaption className="mb-1 text-xs uppercase tracking-wider text-muted">Advertisement</figcaption>
          <a href={ad.targetUrl} rel="sponsored noopener" className="block overflow-hidden bg-white" style={box}>
            {/* eslint-disable-next-line @next/next/no-img-element -- fixed-size creative, served as uploaded */}
            <img
              src={ad.imageUrl}
              alt={ad.altText}
              width={slot.width}
              height={slot.height}
              loading="lazy"
              className="h-full w-full object-cover"
            />
          </a>
        </figure>
      ))}
      {slot.ads.length === 0 && (
        <figure className="m-0">
          <figcaption className="mb-1 text-xs uppercase tracking-wider text-muted">Advertisement</figcaption>
          <Link
            href="/advertise"
            className="flex flex-col items-center justify-center border-2 border-dashed border-rule bg-white text-center no-underline"
            style={box}
          >
            <span className="font-serif text-xl font-bold">Your ad here</span>
            <span className="mt-1 text-accent">Buy AdSpace</span>
          </Link>
        </figure>
      )}
    </section>
  );
}
