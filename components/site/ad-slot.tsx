import { adClickHref } from '@/lib/ads/click-token';
import type { SlotWithAds } from '@/lib/ads/queries';
import { pickWeighted, rotationScript } from '@/lib/ads/rotation';

/**
 * A slot's ads share one box of the slot's exact size, reserved by the markup itself (width plus aspect ratio),
 * so nothing moves when an image arrives. All of the slot's live ads are in the (cached) HTML; the rotation script
 * below shows one per page view, by weight, choosing as the server does here. Without JavaScript the ad chosen when
 * the page was rendered shows. Every ad's link carries its own click token, minted now, as the page is rendered:
 * the script may show any of them.
 */
export function AdSlot({ slot }: { slot: SlotWithAds }) {
  const box = { width: '100%', aspectRatio: `${slot.width} / ${slot.height}` };
  // Rendered once per cached page, on the server: the rotation script picks again in each reader's browser.
  // eslint-disable-next-line react-hooks/purity -- the choice is meant to differ between renders
  const shown = pickWeighted(slot.ads, Math.random());
  // The render's time is the click tokens' issue time.
  const renderedAt = new Date();
  return (
    <section
      aria-label={`Advertisement: ${slot.name}`}
      data-slot={slot.key}
      style={{ width: slot.width, maxWidth: '100%' }}
    >
      <p className="ad-caption">Advertisement</p>
      {shown ? (
        <div className="relative overflow-hidden bg-white" style={box}>
          {slot.ads.map((ad) => (
            <a
              key={ad.id}
              href={adClickHref(ad.id, renderedAt)}
              rel="sponsored noopener"
              hidden={ad.id !== shown.id}
              data-ad={ad.id}
              data-weight={ad.weight}
              data-ends={ad.endsAt?.getTime()}
              className="ad-creative"
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- fixed-size creative, served as uploaded */}
              <img
                src={ad.imageUrl}
                alt={ad.altText}
                width={slot.width}
                height={slot.height}
                // The header is above the fold; everywhere else the image waits until the reader scrolls near it.
                loading={slot.placement === 'header' ? 'eager' : 'lazy'}
              />
              {ad.id === shown.id && (
                <noscript>
                  {/* eslint-disable-next-line @next/next/no-img-element -- without JavaScript, a served impression */}
                  <img
                    src={`/api/ads/served/${ad.id}`}
                    alt=""
                    width={1}
                    height={1}
                    loading="lazy"
                    className="absolute h-px w-px"
                  />
                </noscript>
              )}
            </a>
          ))}
        </div>
      ) : (
        <a
          href="/advertise"
          className="flex flex-col items-center justify-center border-2 border-dashed border-rule bg-white text-center no-underline"
          style={box}
        >
          <span className="font-serif text-xl font-bold">Your ad here</span>
          <span className="mt-1 text-accent">Buy AdSpace</span>
        </a>
      )}
    </section>
  );
}

/**
 * The rotation (lib/ads/rotation.ts), inline: it runs as the page is parsed, with no bundle and no hydration, and
 * picks each slot's ad again in every reader's browser.
 */
export function AdRotation({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: rotationScript }} />;
}
