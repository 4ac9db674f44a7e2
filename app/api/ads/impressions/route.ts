import { countBeacon } from '@/lib/ads/beacon-front';
import { clientIp } from '@/lib/request/client-address';

/**
 * Impressions from the browser (navigator.sendBeacon): ads at least half visible for a second. Once the server has
 * started, lib/ads/beacon-front.ts answers these before Next; this route answers the ones that arrive while it
 * starts. It answers 204 whatever happens: a beacon must never fail or slow the page.
 */
export async function POST(request: Request) {
  await countBeacon(await request.text(), {
    ip: clientIp(request.headers),
    userAgent: request.headers.get('user-agent') ?? '',
  });
  return new Response(null, { status: 204 });
}
