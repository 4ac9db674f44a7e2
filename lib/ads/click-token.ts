import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { keyFor } from '@/lib/secrets';

/**
 * A click counts only when its link carries a token our page put there: an ad's id and the time the page was
 * rendered, signed. Pages are cached, so the token is as old as the page; reader pages are rendered again at least
 * every `CLICK_TOKEN_REFRESH_SECONDS` (the ads read's revalidation, lib/ads/queries.ts), well inside the token's
 * life, and a page served stale once past that still carries a live token. A link copied elsewhere (an `<img>` on
 * another site) stops counting within a day, and the repeat filter counts one click per visitor and ad per 30
 * minutes whatever the token.
 */
export const CLICK_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const CLICK_TOKEN_REFRESH_SECONDS = 6 * 60 * 60;
// A token from a clock a little ahead of ours (another instance) is still fresh.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function signature(adId: number, issued: string): Buffer {
  return createHmac('sha256', keyFor('ad-clicks')).update(`${adId}.${issued}`).digest().subarray(0, 16);
}

/** The token for an ad's link on a page rendered at `now`: the issue time (seconds, base 36) and its signature. */
export function clickToken(adId: number, now: Date): string {
  const issued = Math.floor(now.getTime() / 1000).toString(36);
  return `${issued}.${signature(adId, issued).toString('base64url')}`;
}

/** Whether `token` was made by `clickToken` for this ad less than a day before `now`. */
export function isFreshClickToken(adId: number, token: string | null, now: Date): boolean {
  const [issued, signed] = token?.split('.') ?? [];
  if (!issued || !signed || !/^[0-9a-z]{1,10}$/.test(issued)) return false;
  const age = now.getTime() - parseInt(issued, 36) * 1000;
  if (age >= CLICK_TOKEN_LIFETIME_MS || age < -CLOCK_SKEW_MS) return false;
  const expected = signature(adId, issued);
  const given = Buffer.from(signed, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * An ad's link, with its token. A build without AUTH_SECRET (the server refuses to start without one, a build
 * machine may not have it) renders links without one: their clicks do not count until the page is rendered again.
 */
export function adClickHref(adId: number, now: Date): string {
  const path = `/ads/click/${adId}`;
  return env().AUTH_SECRET ? `${path}?t=${clickToken(adId, now)}` : path;
}
