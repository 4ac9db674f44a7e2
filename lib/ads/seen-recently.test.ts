import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SeenRecently } from './seen-recently';

const MINUTE = 60_000;
const fingerprint = (text: string) => createHash('sha256').update(text).digest().subarray(0, 8);
const start = Date.parse('2026-06-01T10:00:00Z');

describe('the in-memory repeat filter', () => {
  it('counts a fingerprint once per window, across the rotation of its generations', () => {
    const seen = new SeenRecently(30 * MINUTE);
    const reader = fingerprint('reader');
    expect(seen.claim(reader, start)).toBe(true);
    expect(seen.claim(reader, start + 29 * MINUTE)).toBe(false);
    expect(seen.claim(fingerprint('another'), start + 29 * MINUTE)).toBe(true);
    // The first generation has become the previous one, and still answers for its last 30 minutes.
    expect(seen.claim(fingerprint('another'), start + 45 * MINUTE)).toBe(false);
    expect(seen.claim(reader, start + 31 * MINUTE)).toBe(true);
    expect(seen.claim(reader, start + 60 * MINUTE)).toBe(false);
    expect(seen.claim(reader, start + 62 * MINUTE)).toBe(true);
  });

  it('forgets what is older than the window, so memory follows the visitors of the last window only', () => {
    const seen = new SeenRecently(30 * MINUTE);
    for (let i = 0; i < 20_000; i++) seen.claim(fingerprint(`early ${i}`), start + i);
    expect(seen.size).toBe(20_000);
    seen.claim(fingerprint('later'), start + 31 * MINUTE);
    seen.claim(fingerprint('much later'), start + 62 * MINUTE);
    // The first 20,000 are gone; 'later' (31 minutes old) goes at the next rotation.
    expect(seen.size).toBe(2);
    expect(seen.claim(fingerprint('early 5'), start + 62 * MINUTE)).toBe(true);
  });

  it('under a storm of distinct visitors stays within its bound: refuses new ones, never forgets one early', () => {
    const seen = new SeenRecently(30 * MINUTE, 4096);
    let counted = 0;
    for (let i = 0; i < 50_000; i++) if (seen.claim(fingerprint(`storm ${i}`), start + i)) counted++;
    expect(counted).toBe(3072);
    expect(seen.size).toBe(3072);
    // Those counted are still repeats; after the window, new visitors count again.
    expect(seen.claim(fingerprint('storm 7'), start + 20 * MINUTE)).toBe(false);
    expect(seen.claim(fingerprint('after the storm'), start + 31 * MINUTE)).toBe(true);
  });
});
