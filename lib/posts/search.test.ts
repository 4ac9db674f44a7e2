import { describe, expect, it } from 'vitest';
import { readSearchParams, SEARCH_MAX_LENGTH, searchPath, searchPosts } from './search';

describe('a search page query string', () => {
  it('reads the words, trimmed, and the page number', () => {
    expect(readSearchParams({ q: '  harbour wall ', page: '3' })).toEqual({ words: 'harbour wall', page: 3 });
  });

  it('takes the first of repeated values and reads anything unreadable as absent', () => {
    expect(readSearchParams({ q: ['tide', 'moon'], page: ['2', '9'] })).toEqual({ words: 'tide', page: 2 });
    for (const page of ['0', '-1', '1.5', 'two', '99999', undefined])
      expect(readSearchParams({ q: 'x', page }).page).toBe(1);
    expect(readSearchParams({}).words).toBe('');
  });

  it('asks for words before searching, and turns away a search too long, keeping its words', async () => {
    expect(await searchPosts({ q: '   ' })).toEqual({ kind: 'blank' });
    const long = 'w'.repeat(SEARCH_MAX_LENGTH + 1);
    expect(await searchPosts({ q: long })).toEqual({
      kind: 'rejected',
      words: long,
      message: `Search for at most ${SEARCH_MAX_LENGTH} characters.`,
    });
  });

  it('links to a page of results with the words encoded', () => {
    expect(searchPath('tide & "moon"')).toBe('/search?q=tide+%26+%22moon%22');
    expect(searchPath('tide', 2)).toBe('/search?q=tide&page=2');
  });
});
