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

/** The preferences page a token opens. */
export const preferencesUrlFor = (token: string) => `${env().SITE_URL}/follow/manage/${token}`;
export const preferencesUrl = (id: number) => preferencesUrlFor(subscriberToken(id));
export const confirmUrl = (token: string) => `${env().SITE_URL}/follow/confirm/${token}`;

/** A confirmation token: returned once for the mail, stored only as its hash. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashConfirmToken(token) };
}

export const hashConfirmToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * The headers that let mail providers show their own unsubscribe button (RFC 2369, RFC 8058), for a subscriber's
 * token: RFC 8058's one-click address, where a POST unsubscribes, no session, no page.
 */
export function unsubscribeHeaders(token: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${env().SITE_URL}/follow/unsubscribe/${token}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
