import { NextResponse, type NextRequest } from 'next/server';
import { SCRIPT_NONCE_HEADER, scriptPolicyWithNonce, sitePolicy } from '@/lib/security-headers';

// Auth.js's session cookie, with the __Secure- prefix it gets on HTTPS.
const sessionCookies = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * Runs only on the pages rendered per request (the matcher below); cached reader pages never come through here.
 *
 * - Visitors of the dashboard who have no session cookie go to the sign-in page. Only a redirect: it does not read,
 *   check or refresh the session (a refresh here would race a sign-out and set the cookie again). Every dashboard
 *   page, action and route checks the session and the role on the server (lib/auth/current-user).
 * - Each page gets a fresh nonce for its scripts: Next reads it from the request's policy header and puts it on its
 *   own scripts, our inline ones take it from SCRIPT_NONCE_HEADER (lib/request/script-nonce.ts), and the answer
 *   carries the policy (lib/security-headers.ts). Stored pages carry their scripts' hashes instead.
 */
export function proxy(request: NextRequest) {
  const signedIn = sessionCookies.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  if (request.nextUrl.pathname.startsWith('/dashboard') && !signedIn) {
    const signIn = new URL('/signin', request.nextUrl);
    signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  const nonce = btoa(crypto.randomUUID());
  // One policy, the site's directives and the scripts': it replaces next.config's header of the same name.
  const policy = `${sitePolicy(request.nextUrl.pathname)}; ${scriptPolicyWithNonce(nonce)}`;
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  headers.set(SCRIPT_NONCE_HEADER, nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

// The pages rendered per request (each is `force-dynamic`, reads the session or the query string).
export const config = {
  matcher: [
    '/dashboard',
    '/dashboard/:path*',
    '/signin',
    '/signin/reset/:token',
    '/setup',
    '/search',
    '/advertise',
    '/preview/:token',
    '/comments/:path*',
    '/follow',
    '/follow/:path*',
    '/replies/:path*',
    '/ads/report/:token',
  ],
};
