import { followAdClick } from '@/lib/ads/clicks';

/** An ad click: counted, then a 302 to the advertiser, or home for an ad that may not be followed. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const target = await followAdClick((await params).id, request.headers.get('user-agent'));
  if (!target) return Response.redirect(new URL('/', request.url), 302);
  return new Response(null, {
    status: 302,
    headers: { Location: target, 'Cache-Control': 'no-store', 'Referrer-Policy': 'origin' },
  });
}
