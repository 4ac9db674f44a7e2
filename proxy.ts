import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/lib/auth/config';

const { auth } = NextAuth(authConfig);

/**
 * Sends signed-out visitors of the dashboard to the sign-in page. Only a redirect: every dashboard page, action
 * and route checks the session and the role again on the server (lib/auth/current-user).
 */
export const proxy = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const signIn = new URL('/signin', request.nextUrl);
  signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
});

// Public pages never run through here.
export const config = { matcher: ['/dashboard', '/dashboard/:path*'] };
