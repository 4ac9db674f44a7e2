import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyFor } from '@/lib/secrets';

/**
 * Short-lived tokens that name an account: `accountId.issuedAt.mac`, an HMAC under a key of their own use. They
 * carry no session and unlock nothing alone: the half-done sign-in between the password and the code
 * ('two-factor-pending', in a cookie), and the proof a server action hands Auth.js in-process that every factor
 * passed ('sign-in-tickets').
 */
type TokenUse = 'two-factor-pending' | 'sign-in-tickets';

const mac = (use: TokenUse, body: string) => createHmac('sha256', keyFor(use)).update(body).digest('base64url');

export function signToken(use: TokenUse, accountId: string, now = Date.now()): string {
  const body = `${accountId}.${now}`;
  return `${body}.${mac(use, body)}`;
}

/** The account and when the token was issued, if it is genuine and younger than `maxAgeMs`; else null. */
export function readToken(
  use: TokenUse,
  token: string,
  maxAgeMs: number,
  now = Date.now(),
): { accountId: string; issuedAt: number } | null {
  const [accountId, issued, signature, ...rest] = token.split('.');
  if (!accountId || !issued || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(use, `${accountId}.${issued}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt) || issuedAt > now || now - issuedAt >= maxAgeMs) return null;
  return { accountId, issuedAt };
}
