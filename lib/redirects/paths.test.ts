import { describe, expect, it } from 'vitest';
import { normalizeOldPath } from './paths';

describe('normalizeOldPath', () => {
  it('keeps the path and drops the host, the fragment and a trailing slash', () => {
    expect(normalizeOldPath('https://news.blogspot.com/2018/10/harbour.html#comments')).toBe('/2018/10/harbour.html');
    expect(normalizeOldPath('/2018/10/20/harbour-wall/')).toBe('/2018/10/20/harbour-wall');
    expect(normalizeOldPath('/')).toBe('/');
  });

  it('sorts the query, so that one address has one form', () => {
    expect(normalizeOldPath('/?p=12')).toBe('/?p=12');
    expect(normalizeOldPath('/index.php?p=12&a=b')).toBe('/index.php?a=b&p=12');
  });

  it('refuses what is not an address on this site', () => {
    expect(normalizeOldPath('   ')).toBeNull();
    expect(normalizeOldPath('https://elsewhere.example/a', 'https://news.example')).toBeNull();
    expect(normalizeOldPath('https://news.example/a/', 'https://news.example')).toBe('/a');
  });
});
