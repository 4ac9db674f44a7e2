import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { keyFor } from '@/lib/secrets';

/**
 * Two-factor secrets at rest: AES-256-GCM under `keyFor('totp')`, a fresh 12-byte nonce each time, and the account's
 * id as associated data, so a copy of the database alone opens nothing and a ciphertext moved to another account
 * does not open there. Sealed as `v1.nonce.ciphertext.tag` (base64url).
 */
export function seal(plain: string, accountId: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor('totp'), nonce).setAAD(Buffer.from(accountId));
  const text = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', nonce, text, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

/** The sealed text, or null when it was sealed for another account, under another key, or altered. */
export function unseal(sealed: string, accountId: string): string | null {
  const [version, ...parts] = sealed.split('.');
  if (version !== 'v1' || parts.length !== 3) return null;
  const [nonce, text, tag] = parts.map((part) => Buffer.from(part, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor('totp'), nonce).setAAD(Buffer.from(accountId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(text), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
