import { NextResponse, type NextRequest } from 'next/server';

// Auth.js's session cookie, with the __Secure- prefix it gets on HTTPS.
const sessionCookies = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * Sends visitors of the dashboard who have no session cookie to the sign-in page. Only a redirect: it does not
 * read, check or refresh the session (a refresh here would race a sign-out and set the cookie again). Every
 * dashboard page, action and route checks the session and the role on the server (lib/auth/current-user).
 */
export function proxy(request: NextRequest) {
  if (sessionCookies.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`)))
    return NextResponse.next();
  const signIn = new URL('/signin', request.nextUrl);
  signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

// Public pages never run through here.
export const config = { matcher: ['/dashboard', '/dashboard/:path*'] };
