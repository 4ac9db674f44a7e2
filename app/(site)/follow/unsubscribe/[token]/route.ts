import { NextResponse, type NextRequest } from 'next/server';
import { siteUrl } from '@/lib/env';
import { unsubscribeFromLink } from '@/lib/subscribers/pages';

export const dynamic = 'force-dynamic';

/**
 * One-click unsubscribe (RFC 8058): mail providers POST `List-Unsubscribe=One-Click` here, with no session and no
 * cookie; the signed token in the address is the authority. Answered 200 whether or not the address is still here.
 */
export async function POST(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token;
  const known = await unsubscribeFromLink(token);
  return new Response(known ? 'Unsubscribed.\n' : 'Nothing to unsubscribe.\n', {
    status: known ? 200 : 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** Opened in a browser: the preferences page, whose first button unsubscribes (a GET changes nothing: scanners open links). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  return NextResponse.redirect(new URL(`/follow/manage/${(await params).token}`, siteUrl()), 303);
}
