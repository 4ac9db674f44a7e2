import { createHmac, timingSafeEqual } from 'node:crypto';
import { siteUrl } from '@/lib/env';
import { keyFor } from '@/lib/secrets';

/**
 * Proof, held by a reader's browser, of the comments it wrote: a cookie naming their ids, signed so that no one can
 * claim another's. "Hold first-time commenters" trusts an email only together with this proof (one of the comments
 * it names, written with that email, was approved): a typed address alone proves nothing, since anyone can type a
 * regular's address.
 */
export const COMMENTER_PROOF_COOKIE = 'commenter';
/** The newest comments it names: enough to outlive a few rejected or held ones. */
const KEPT = 20;
const COMMENTER_PROOF_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

function sign(ids: string): string {
  return createHmac('sha256', keyFor('commenter-proof')).update(ids).digest('base64url');
}

/** The comment ids a cookie proves, or none when it is missing, malformed or not signed by us. */
export function provenCommentIds(cookie: string | undefined): number[] {
  const match = /^((?:\d{1,12}-){0,19}\d{1,12})\.([\w-]{43})$/.exec(cookie ?? '');
  if (!match) return [];
  const expected = Buffer.from(sign(match[1]));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
  return match[1].split('-').map(Number);
}

/** The cookie's new value once this browser has written `commentId`: the newest ids it proves, signed. */
export function proofWith(ids: number[], commentId: number): string {
  const kept = [...ids.filter((id) => id !== commentId), commentId].slice(-KEPT).join('-');
  return `${kept}.${sign(kept)}`;
}

/** How the proof is kept: out of reach of scripts, sent back with every request to the site, for 400 days. */
export function commenterProofCookie(value: string) {
  return {
    name: COMMENTER_PROOF_COOKIE,
    value,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: siteUrl().startsWith('https:'),
    path: '/',
    maxAge: COMMENTER_PROOF_MAX_AGE_SECONDS,
  };
}
