import { hkdfSync } from 'node:crypto';
import { authSecret } from '@/lib/env';

/** Everything Broadsheet signs or hashes with a key, one key each. */
export type KeyUse =
  | 'ip-hashes'
  | 'preview-links'
  | 'comment-form-stamps'
  | 'commenter-proof'
  | 'ad-visitors'
  | 'ad-clicks'
  | 'scheduler'
  | 'client-address-header'
  | 'totp'
  | 'recovery-codes'
  | 'two-factor-pending'
  | 'sign-in-tickets'
  | 'subscriber-links'
  | 'reply-links';

const derived = new Map<KeyUse, { secret: string; key: Buffer }>();

/**
 * The key for one use, derived from AUTH_SECRET (HKDF-SHA-256, the use as its label), so that no two uses share a
 * key: a value signed for one purpose is worth nothing in another, and none of them exposes the secret itself,
 * which Auth.js uses as it is for sessions. Derived once per secret: a comment needs five keys.
 */
export function keyFor(use: KeyUse): Buffer {
  const secret = authSecret();
  const known = derived.get(use);
  if (known?.secret === secret) return known.key;
  const key = Buffer.from(hkdfSync('sha256', secret, 'broadsheet', use, 32));
  derived.set(use, { secret, key });
  return key;
}
