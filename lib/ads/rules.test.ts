import { describe, expect, it } from 'vitest';
import { isAdLive, safeTargetUrl, slotsFor } from './rules';

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
