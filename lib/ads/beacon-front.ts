import 'server-only';
import { z } from 'zod';
import type { FrontRoute } from '@/lib/request/front';
import { countOncePerVisitor } from './impressions';

export const beaconPath = '/api/ads/impressions';

const beacon = z.object({ ids: z.array(z.number().int().positive()).min(1).max(20) });

/**
 * Counts one impression beacon's ads, whatever its body holds: a beacon must never fail or slow the page, so
 * anything wrong is logged, never thrown.
 */
export async function countBeacon(body: string, who: { ip: string; userAgent: string }): Promise<void> {
  try {
    const parsed = beacon.safeParse(JSON.parse(body));
    if (parsed.success) await countOncePerVisitor(parsed.data.ids, who, 'impressions');
  } catch (error) {
    if (!(error instanceof SyntaxError)) console.error('ad beacon:', error);
  }
}

const counted = { status: 204 };

/**
 * Impressions from the browser (navigator.sendBeacon), answered before Next (lib/request/front.ts): a beacon does no
 * database work (lib/ads/ad-counts.ts), so Next's own handling of it was its whole cost. It answers 204 whatever
 * happens, a body too large to be a beacon included.
 */
export const beaconRoute: FrontRoute = {
  method: 'POST',
  path: beaconPath,
  // A beacon names at most 20 ads: its JSON is well under this.
  maxBytes: 2048,
  tooLarge: counted,
  async handle({ headers, body, ip }) {
    await countBeacon(body.toString('utf8'), { ip, userAgent: headers.get('user-agent') ?? '' });
    return counted;
  },
};
