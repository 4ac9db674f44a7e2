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

/**
 * The key for one use, derived from AUTH_SECRET (HKDF-SHA-256, the use as its label), so that no two uses share a
 * key: a value signed for one purpose is worth nothing in another, and none of them exposes the secret itself,
 * which Auth.js uses as it is for sessions.
 */
export function keyFor(use: KeyUse): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), 'broadsheet', use, 32));
}
