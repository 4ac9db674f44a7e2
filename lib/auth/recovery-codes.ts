import { createHmac, randomBytes } from 'node:crypto';
import { keyFor } from '@/lib/secrets';

/**
 * Recovery codes: ten random characters of Crockford's base32 (50 bits each), shown once as "abcde-fghjk".
 *
 * Stored as an HMAC under `keyFor('recovery-codes')`, not argon2 as passwords are: a password needs a slow hash
 * because people choose guessable ones, while these are random, and the key lives outside the database, so a
 * copy of the database cannot be searched for them at all. A keyed hash also lets one `delete … returning`
 * find and spend a code atomically (two requests with one code cannot both pass), at the cost of one HMAC instead
 * of up to ten argon2 verifications per attempt.
 */

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECOVERY_CODE_COUNT = 10;

function newRecoveryCode(): string {
  // 256 is a multiple of 32: every character is equally likely.
  const chars = [...randomBytes(10)].map((byte) => alphabet[byte & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export const newRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/**
 * A code as typed, in its canonical form (lower case, no hyphen or spaces; I and L read as 1, O as 0, as Crockford
 * intends), or null when it cannot be a recovery code.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
  return /^[0-9a-hjkmnp-tv-z]{10}$/.test(code) ? code : null;
}

/** The stored form of a code given or typed (null when it cannot be one). */
export function hashRecoveryCode(input: string): string | null {
  const code = normalizeRecoveryCode(input);
  return code && createHmac('sha256', keyFor('recovery-codes')).update(code).digest('base64url');
}
