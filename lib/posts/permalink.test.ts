import { describe, expect, it } from 'vitest';
import { authorPath, labelPath, monthPath, parseYear, parseYearMonth, postPath, yearPath } from './permalink';

describe('permalinks', () => {
  it('builds /YYYY/MM/slug in the site time zone', () => {
    const post = { slug: 'harbour-wall', publishedAt: new Date('2015-10-01T02:00:00Z') };
    expect(postPath(post, 'UTC')).toBe('/2015/10/harbour-wall');
    expect(postPath(post, 'America/Chicago')).toBe('/2015/09/harbour-wall');
  });

  it('parses only real year and month segments', () => {
    expect(parseYearMonth('2015', '09')).toEqual({ year: 2015, month: 9 });
    expect(parseYearMonth('2015', '13')).toBeNull();
    expect(parseYearMonth('2015', '9')).toBeNull();
    expect(parseYearMonth('label', '09')).toBeNull();
    expect(monthPath(2015, 9)).toBe('/2015/09');
    expect(parseYear('2015')).toBe(2015);
    expect(parseYear('215')).toBeNull();
    expect(parseYear('wp-admin')).toBeNull();
    expect(yearPath(2015)).toBe('/archive/2015');
    expect(labelPath('town-council')).toBe('/label/town-council');
    expect(authorPath('maya-okafor')).toBe('/author/maya-okafor');
  });
});
