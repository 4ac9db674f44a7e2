import { createHash, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { signedIds } from '@/lib/signed-ids';

/**
 * The links in subscribers' mail. A subscriber's own link (preferences, one-click unsubscribe) is their id signed
 * with a key of its own: it needs no row of its own and no session, and cannot be made for another id. Ids are
 * never reused, so a link of a forgotten address opens nothing.
 */
const subscriberTokens = signedIds('subscriber-links', 'subscriber');
export const subscriberToken = subscriberTokens.tokenFor;
/** The subscriber a token names, or null when it is malformed or not signed by us. */
export const subscriberIdOf = subscriberTokens.idOf;

export const preferencesUrl = (id: number) => `${env().SITE_URL}/follow/manage/${subscriberToken(id)}`;
/** RFC 8058's one-click address: a POST there unsubscribes, no session, no page. */
export const oneClickUrl = (id: number) => `${env().SITE_URL}/follow/unsubscribe/${subscriberToken(id)}`;
export const confirmUrl = (token: string) => `${env().SITE_URL}/follow/confirm/${token}`;

/** A confirmation token: returned once for the mail, stored only as its hash. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashConfirmToken(token) };
}

export const hashConfirmToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The headers that let mail providers show their own unsubscribe button (RFC 2369, RFC 8058). */
export function unsubscribeHeaders(id: number): Record<string, string> {
  return {
    'List-Unsubscribe': `<${oneClickUrl(id)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
