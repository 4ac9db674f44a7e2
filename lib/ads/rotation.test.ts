import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pickWeighted, rotationScript } from './rotation';

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

/** Just enough of a page for the script: slots holding ads (`hidden`, `dataset`), as AdSlot renders them. */
type FakeAd = { hidden: boolean; dataset: { ad: string; weight: string; ends?: string } };
type Ad = { id: number; weight: number; ends?: number; hidden?: boolean };

function renderPage(slots: Ad[][]) {
  const ads = slots.map((slot) =>
    slot.map((ad): FakeAd => ({
      hidden: ad.hidden ?? false,
      dataset: { ad: String(ad.id), weight: String(ad.weight), ...(ad.ends ? { ends: String(ad.ends) } : {}) },
    })),
  );
  const observed = new Set<FakeAd>();
  let report: (entries: { target: FakeAd; isIntersecting: boolean }[]) => void = () => {};
  const listeners: Record<string, () => void> = {};
  const sendBeacon = vi.fn((_url: string, _body: string) => true);
  vi.stubGlobal('document', {
    querySelectorAll: () => ads.map((slotAds) => ({ querySelectorAll: () => slotAds })),
  });
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: typeof report) {
        report = callback;
      }
      observe = (ad: FakeAd) => observed.add(ad);
      unobserve = (ad: FakeAd) => observed.delete(ad);
    },
  );
  vi.stubGlobal('navigator', { sendBeacon });
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => (listeners[type] = listener));
  new Function(rotationScript)();
  const shown = () => ads.map((slotAds) => slotAds.filter((ad) => !ad.hidden).map((ad) => Number(ad.dataset.ad)));
  const beacons = () => sendBeacon.mock.calls.map(([url, body]) => ({ url, ...JSON.parse(body) }));
  const scroll = (id: number, inView: boolean) =>
    report([{ target: ads.flat().find((ad) => ad.dataset.ad === String(id))!, isIntersecting: inView }]);
  return { shown, observed, beacons, scroll, pagehide: () => listeners.pagehide() };
}

describe('the rotation script of reader pages', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-06-01T10:00:00Z') }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows one ad per slot, the one pickWeighted chooses for the same random number', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const slots = [
      [
        { id: 1, weight: 1 },
        { id: 2, weight: 3, hidden: true },
      ],
      [
        { id: 3, weight: 2 },
        { id: 4, weight: 1, hidden: true },
        { id: 5, weight: 1, hidden: true },
      ],
    ];
    const page = renderPage(slots);
    expect(page.shown()).toEqual([[2], [4]]);
    expect(page.shown()).toEqual(slots.map((ads) => [pickWeighted(ads, 0.5)!.id]));
    expect(page.observed.size).toBe(2);
  });

  it('never shows an ad whose window ended after the page was cached; a slot with none left keeps its ad', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const now = Date.now();
    const page = renderPage([
      [
        { id: 1, weight: 100, ends: now - 1 },
        { id: 2, weight: 1, ends: now + 60_000, hidden: true },
      ],
      [{ id: 3, weight: 1, ends: now }],
    ]);
    expect(page.shown()).toEqual([[2], [3]]);
    expect(page.observed.size).toBe(1);
  });

  it('reports an ad half in view for a second, in one beacon per batch, and what is left when the page goes', () => {
    const page = renderPage([[{ id: 1, weight: 1 }], [{ id: 2, weight: 1 }], [{ id: 3, weight: 1 }]]);
    page.scroll(1, true);
    page.scroll(2, true);
    vi.advanceTimersByTime(500);
    page.scroll(2, false);
    vi.advanceTimersByTime(1000);
    page.scroll(3, true);
    vi.advanceTimersByTime(1000);
    expect(page.beacons()).toEqual([]);
    vi.advanceTimersByTime(2000);
    expect(page.beacons()).toEqual([{ url: '/api/ads/impressions', ids: [1, 3] }]);
    expect(page.observed.size).toBe(1);

    page.scroll(2, true);
    vi.advanceTimersByTime(1000);
    page.pagehide();
    expect(page.beacons().at(-1)).toEqual({ url: '/api/ads/impressions', ids: [2] });
    page.pagehide();
    expect(page.beacons()).toHaveLength(2);
  });
});
