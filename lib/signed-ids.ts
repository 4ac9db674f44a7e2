import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyFor, type KeyUse } from '@/lib/secrets';

/**
 * Tokens that name a row by its id, signed with a key of their own (`id.signature`): a mailed link needs no row of
 * its own and no session, and cannot be made for another id. `kind` goes into what is signed, so existing links
 * keep working only while it stays the same.
 */
export function signedIds(use: KeyUse, kind: string) {
  const sign = (id: number) => createHmac('sha256', keyFor(use)).update(`${kind}.${id}`).digest('base64url');
  return {
    tokenFor: (id: number) => `${id}.${sign(id)}`,
    /** The id a token names, or null when it is malformed or not signed by us. */
    idOf(token: string): number | null {
      const match = /^(\d{1,10})\.([\w-]{43})$/.exec(token);
      if (!match) return null;
      const id = Number(match[1]);
      const expected = Buffer.from(sign(id));
      const given = Buffer.from(match[2]);
      return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
    },
  };
}
