import { followAdClick } from '@/lib/ads/clicks';
import { clientIp } from '@/lib/request/client-address';

/** An ad click: counted when its link's token is fresh, then a 302 to the advertiser, or home for an ad that may not be followed. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const target = await followAdClick((await params).id, {
    token: new URL(request.url).searchParams.get('t'),
    ip: clientIp(request.headers),
    userAgent: request.headers.get('user-agent') ?? '',
  });
  if (!target) return Response.redirect(new URL('/', request.url), 302);
  return new Response(null, {
    status: 302,
    headers: { Location: target, 'Cache-Control': 'no-store', 'Referrer-Policy': 'origin' },
  });
}
