import { describe, expect, it } from 'vitest';
import { isNotFound, type CacheEntry as Entry } from './keep-only-found';

const page = (status: number) =>
  ({
    kind: 'APP_PAGE',
    html: '<html></html>',
    rscData: undefined,
    headers: {},
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
    expect(isNotFound(page(404))).toBe(true);
    expect(isNotFound(read('null'))).toBe(true);
  });

  it('keeps pages that exist and reads that found something, empty lists included', () => {
    expect(isNotFound(page(200))).toBe(false);
    expect(isNotFound(read('{"id":1}'))).toBe(false);
    expect(isNotFound(read('[]'))).toBe(false);
    expect(isNotFound(null)).toBe(false);
  });
});
