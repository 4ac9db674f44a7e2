import { z } from 'zod';
import { countOncePerVisitor } from '@/lib/ads/impressions';
import { clientIp } from '@/lib/request/client-address';

const beacon = z.object({ ids: z.array(z.number().int().positive()).min(1).max(20) });

/**
 * Impressions from the browser (navigator.sendBeacon): ads at least half visible for a second. Counted in memory
 * and written within a second, so the answer does not wait on the database. It answers 204 whatever happens: a
 * beacon must never fail or slow the page.
 */
export async function POST(request: Request) {
  try {
    const parsed = beacon.safeParse(JSON.parse(await request.text()));
    if (parsed.success) {
      const who = { ip: clientIp(request.headers), userAgent: request.headers.get('user-agent') ?? '' };
      await countOncePerVisitor(parsed.data.ids, who, 'impressions');
    }
  } catch (error) {
    console.error('ad beacon:', error);
  }
  return new Response(null, { status: 204 });
}
