import type { NextRequest } from 'next/server';
import { findRedirect } from '@/lib/redirects/lookup';

/**
 * The home page with an old site's query (WordPress's /?p=12, /?page_id=3), rewritten here by next.config.ts only
 * when it carries one: a 301 to where it moved, or the home page itself (which ignores a query it does not know).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const to = await findRedirect(`/${request.nextUrl.search}`);
  return new Response(null, { status: to ? 301 : 302, headers: { location: to ?? '/' } });
}
