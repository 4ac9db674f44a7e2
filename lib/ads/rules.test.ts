import { describe, expect, it } from 'vitest';
import { isAdLive, pickWeighted, safeTargetUrl, slotsFor } from './rules';

describe('pickWeighted', () => {
  it('follows the weights within ±2% over 100,000 draws', () => {
    const ads = [
      { id: 'a', weight: 1 },
      { id: 'b', weight: 3 },
      { id: 'c', weight: 6 },
    ];
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    // A fixed-seed generator: the test checks the arithmetic, not the luck of Math.random.
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const draws = 100_000;
    for (let i = 0; i < draws; i++) counts[pickWeighted(ads, random())!.id]++;
    expect(Math.abs(counts.a / draws - 0.1)).toBeLessThan(0.02);
    expect(Math.abs(counts.b / draws - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(counts.c / draws - 0.6)).toBeLessThan(0.02);
  });

  it('covers the ends of the range', () => {
    const ads = [
      { weight: 1, id: 1 },
      { weight: 1, id: 2 },
    ];
    expect(pickWeighted(ads, 0)?.id).toBe(1);
    expect(pickWeighted(ads, 0.999999)?.id).toBe(2);
    expect(pickWeighted([], 0.5)).toBeUndefined();
  });
});

describe('isAdLive', () => {
  const starts = new Date('2026-06-01T00:00:00Z');
  const ends = new Date('2026-06-08T00:00:00Z');
  const ad = { status: 'active' as const, startsAt: starts, endsAt: ends };

  it('is live from the first millisecond of its window to just before its end', () => {
    expect(isAdLive(ad, new Date(starts.getTime() - 1))).toBe(false);
    expect(isAdLive(ad, starts)).toBe(true);
    expect(isAdLive(ad, new Date(ends.getTime() - 1))).toBe(true);
    expect(isAdLive(ad, ends)).toBe(false);
  });

  it('never while paused, and forever with no end', () => {
    expect(isAdLive({ ...ad, status: 'paused' }, starts)).toBe(false);
    expect(isAdLive({ ...ad, endsAt: null }, new Date('2099-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('safeTargetUrl', () => {
  it.each(['https://example.com/offer?x=1', 'http://example.org'])('allows %s', (url) =>
    expect(safeTargetUrl(url)).not.toBeNull(),
  );
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>',
    '//evil.example',
    '/dashboard',
    'ftp://x.example',
    'not a url',
  ])('refuses %s', (url) => expect(safeTargetUrl(url)).toBeNull());
});

describe('slotsFor', () => {
  const slots = [
    { key: 'side', placement: 'sidebar', labelSlug: null },
    { key: 'side-sport', placement: 'sidebar', labelSlug: 'sport' },
    { key: 'inline', placement: 'in_article', labelSlug: null },
  ];

  it('keeps untargeted slots of the placement everywhere, and targeted ones only on pages with their label', () => {
    expect(slotsFor(slots, 'sidebar').map((s) => s.key)).toEqual(['side']);
    expect(slotsFor(slots, 'sidebar', ['politics']).map((s) => s.key)).toEqual(['side']);
    expect(slotsFor(slots, 'sidebar', ['politics', 'sport']).map((s) => s.key)).toEqual(['side', 'side-sport']);
    expect(slotsFor(slots, 'in_article', ['sport']).map((s) => s.key)).toEqual(['inline']);
  });
});
