import { cookies } from 'next/headers';
import { issueFormToken } from '@/lib/comments/form-token';

export const dynamic = 'force-dynamic';

// A transparent 1×1 GIF.
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Loaded as an image by the comment section of the (static, cached) article page, so even without JavaScript the
 * server learns when this reader saw the form: a signed stamp in a cookie, checked when the comment arrives.
 */
export async function GET() {
  (await cookies()).set('comment_seen', issueFormToken(), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 24 * 60 * 60,
  });
  return new Response(pixel, { headers: { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' } });
}
