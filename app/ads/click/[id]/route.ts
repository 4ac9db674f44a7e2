import { isbot } from 'isbot';
import { getDb } from '@/lib/db';
import { countAdEvent, getAdForClick } from '@/db/queries/ad-stats';
import { isAdLive, safeTargetUrl } from '@/lib/ads/rules';

/**
 * An ad click: counted (people only, not bots), then a 302 to the advertiser. A paused, expired or unknown ad, or
 * a target that is not http(s), sends the reader home instead: this is never an open redirect.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const home = new URL('/', request.url);
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.redirect(home, 302);
  const db = await getDb();
  const ad = await getAdForClick(db, id);
  const target = ad && isAdLive(ad, new Date()) ? safeTargetUrl(ad.targetUrl) : null;
  if (!ad || !target) return Response.redirect(home, 302);
  if (!isbot(request.headers.get('user-agent'))) {
    await countAdEvent(db, ad.id, 'clicks', new Date().toISOString().slice(0, 10));
  }
  return new Response(null, {
    status: 302,
    headers: { Location: target, 'Cache-Control': 'no-store', 'Referrer-Policy': 'origin' },
  });
}
