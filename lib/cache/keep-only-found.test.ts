import { describe, expect, it } from 'vitest';
import { isWorthKeeping, type CacheEntry as Entry } from './keep-only-found';

const page = (status: number) =>
  ({
    kind: 'APP_PAGE',
    html: '<html></html>',
    rscData: undefined,
    headers: status === 308 ? { location: '/2026/11/real-slug' } : {},
    postponed: undefined,
    status,
    segmentData: undefined,
  }) as unknown as Entry;
const read = (body: string) =>
  ({
    kind: 'FETCH',
    data: { headers: {}, body, status: 200, url: '' },
    revalidate: false,
    tags: [],
  }) as unknown as Entry;

describe('what the page cache keeps', () => {
  it('refuses 404 pages and reads that found nothing', () => {
    expect(isWorthKeeping(page(404))).toBe(false);
    expect(isWorthKeeping(read('null'))).toBe(false);
  });

  it('refuses redirects, such as a real slug under made-up segments sent to its permalink', () => {
    expect(isWorthKeeping(page(308))).toBe(false);
    expect(isWorthKeeping(page(307))).toBe(false);
  });

  it('keeps pages that exist and reads that found something, empty lists included', () => {
    expect(isWorthKeeping(page(200))).toBe(true);
    expect(isWorthKeeping(read('{"id":1}'))).toBe(true);
    expect(isWorthKeeping(read('[]'))).toBe(true);
    expect(isWorthKeeping(null)).toBe(true);
  });
});
