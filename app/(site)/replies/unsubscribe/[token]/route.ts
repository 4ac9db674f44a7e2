import { NextResponse, type NextRequest } from 'next/server';
import { siteUrl } from '@/lib/env';
import { stopRepliesFromLink } from '@/lib/comments/reply-pages';

export const dynamic = 'force-dynamic';

/**
 * One-click unsubscribe from reply mail (RFC 8058): mail providers POST `List-Unsubscribe=One-Click` here, with no
 * session and no cookie; the signed token in the address is the authority.
 */
export async function POST(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const known = await stopRepliesFromLink((await params).token);
  return new Response(known ? 'Unsubscribed from reply emails.\n' : 'Nothing to unsubscribe.\n', {
    status: known ? 200 : 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** Opened in a browser: the page with the button (a GET changes nothing: scanners open links). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  return NextResponse.redirect(new URL(`/replies/stop/${(await params).token}`, siteUrl()), 303);
}
