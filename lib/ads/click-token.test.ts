import { describe, expect, it } from 'vitest';
import { adClickHref, clickToken, CLICK_TOKEN_LIFETIME_MS, isFreshClickToken } from './click-token';

const rendered = new Date('2026-06-01T10:00:00Z');
const later = (ms: number) => new Date(rendered.getTime() + ms);

describe('click tokens', () => {
  it('are fresh for a day, for their own ad only, and cannot be made without the key', () => {
    const token = clickToken(7, rendered);
    expect(isFreshClickToken(7, token, later(60_000))).toBe(true);
    expect(isFreshClickToken(7, token, later(CLICK_TOKEN_LIFETIME_MS - 1000))).toBe(true);
    expect(isFreshClickToken(7, token, later(CLICK_TOKEN_LIFETIME_MS))).toBe(false);
    expect(isFreshClickToken(8, token, later(60_000))).toBe(false);
    // Claiming a later issue time breaks the signature.
    const [, signature] = token.split('.');
    const reissued = `${Math.floor(later(CLICK_TOKEN_LIFETIME_MS).getTime() / 1000).toString(36)}.${signature}`;
    expect(isFreshClickToken(7, reissued, later(CLICK_TOKEN_LIFETIME_MS))).toBe(false);
    // A token from the future (beyond a few minutes of clock skew) is refused.
    expect(isFreshClickToken(7, clickToken(7, later(60 * 60_000)), rendered)).toBe(false);
    for (const junk of [null, '', 'abc', '.', 'zzzzzzzzzzzzzz.x', `${token}x`]) {
      expect(isFreshClickToken(7, junk, later(60_000))).toBe(false);
    }
  });

  it('ride in the ad’s link, which still works without one', () => {
    const href = adClickHref(7, rendered);
    const url = new URL(href, 'http://localhost');
    expect(url.pathname).toBe('/ads/click/7');
    expect(isFreshClickToken(7, url.searchParams.get('t'), later(1000))).toBe(true);
  });
});
