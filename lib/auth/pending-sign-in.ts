import 'server-only';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { readToken, signToken } from './signed-tokens';

/**
 * The half-done sign-in of an account with two-factor sign-in, between the right password and the code: a signed
 * token naming the account, in a cookie that lives five minutes and goes only to /signin. It is not a session:
 * nothing but the code step reads it.
 */
const COOKIE = 'broadsheet-second-factor';
export const PENDING_SIGN_IN_MS = 5 * 60 * 1000;

export async function startPendingSignIn(accountId: string): Promise<void> {
  (await cookies()).set(COOKIE, signToken('two-factor-pending', accountId), {
    httpOnly: true,
    sameSite: 'lax',
    secure: env().SITE_URL.startsWith('https:'),
    path: '/signin',
    maxAge: PENDING_SIGN_IN_MS / 1000,
  });
}

/** The account whose password was right, and when, while that is less than five minutes ago. */
export async function pendingSignIn(): Promise<{ accountId: string; issuedAt: number } | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  return token ? readToken('two-factor-pending', token, PENDING_SIGN_IN_MS) : null;
}

export async function endPendingSignIn(): Promise<void> {
  (await cookies()).delete({ name: COOKIE, path: '/signin' });
}
