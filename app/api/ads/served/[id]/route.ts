import { countOncePerVisitor } from '@/lib/ads/impressions';
import { clientIp } from '@/lib/request/client-address';

const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Without JavaScript, the shown ad's lazy pixel: a served impression, counted apart from seen ones. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (Number.isInteger(id) && id > 0) {
    const who = { ip: clientIp(request.headers), userAgent: request.headers.get('user-agent') ?? '' };
    await countOncePerVisitor([id], who, 'servedImpressions').catch((error) => console.error('ad pixel:', error));
  }
  return new Response(pixel, { headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' } });
}
