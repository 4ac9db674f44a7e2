import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyFor } from '@/lib/secrets';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

function sign(issuedAt: number): string {
  return createHmac('sha256', keyFor('comment-form-stamps')).update(`comment-form.${issuedAt}`).digest('base64url');
}

/** Stamps a comment form with the time it was shown, so a submission that comes too soon can be told from a person. */
export function issueFormToken(now = Date.now()): string {
  return `${now}.${sign(now)}`;
}

export type TokenCheck = 'ok' | 'too-fast' | 'missing' | 'stale';

export function checkFormToken(token: string | undefined, minSeconds: number, now = Date.now()): TokenCheck {
  const match = /^(\d{13})\.([\w-]{43})$/.exec(token ?? '');
  if (!match) return 'missing';
  const issuedAt = Number(match[1]);
  const expected = Buffer.from(sign(issuedAt));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'missing';
  // A static page may carry a day-old stamp: too old to say anything about this visit.
  if (now - issuedAt > MAX_AGE_MS) return 'stale';
  return now - issuedAt < minSeconds * 1000 ? 'too-fast' : 'ok';
}
