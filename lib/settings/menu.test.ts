import { describe, expect, it } from 'vitest';
import { defaultMenu, menuFormSchema, menuLink, readMenu } from './menu';

describe('the header menu', () => {
  it("is today's four entries until an admin changes it, and whatever no longer parses falls back to them", () => {
    expect(readMenu(null).map(menuLink)).toEqual([
      { href: '/', text: 'Home', outside: false },
      { href: '/search', text: 'Search', outside: false },
      { href: '/advertise', text: 'Advertise', outside: false },
      { href: '/feed.xml', text: 'RSS feed', outside: false },
    ]);
    expect(readMenu([{ kind: 'link', target: 'javascript:alert(1)', text: 'x' }])).toBe(defaultMenu);
  });

  it('reads the form: ordered by the numbers typed, empty and removed rows left out', () => {
    const form = {
      'position-0': '3',
      'text-0': 'Home',
      'to-0': 'builtin:home',
      'position-1': '1',
      'text-1': 'About us',
      'to-1': 'page:about',
      'position-2': '2',
      'text-2': 'Our union',
      'to-2': 'link',
      'url-2': 'https://union.example/',
      'position-3': '1',
      'text-3': 'Search',
      'to-3': 'builtin:search',
      'remove-3': 'on',
      'position-4': '',
      'text-4': '',
      'to-4': '',
      'url-4': '',
    };
    expect(menuFormSchema.parse(form).map(menuLink)).toEqual([
      { href: '/p/about', text: 'About us', outside: false },
      { href: 'https://union.example/', text: 'Our union', outside: true },
      { href: '/', text: 'Home', outside: false },
    ]);
  });

  it('puts an entry given a taken number in that place, before the one that had it', () => {
    const row = (index: number, position: string, to: string) => ({
      [`position-${index}`]: position,
      [`text-${index}`]: to,
      [`to-${index}`]: `builtin:${to}`,
    });
    const form = {
      ...row(0, '1', 'home'),
      ...row(1, '2', 'search'),
      ...row(2, '3', 'advertise'),
      ...row(3, '2', 'feed'),
    };
    expect(menuFormSchema.parse(form).map((entry) => entry.text)).toEqual(['home', 'feed', 'search', 'advertise']);
  });

  it('marks the field of a row that is not an entry', () => {
    const result = menuFormSchema.safeParse({
      'text-0': '',
      'to-0': 'builtin:home',
      'text-1': 'X',
      'to-1': 'link',
      'url-1': 'ftp://x',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['text-0', 'url-1', 'menu']);
    // An empty form (a forged call, or every row removed) leaves the menu as it was.
    expect(menuFormSchema.safeParse({}).success).toBe(false);
  });
});
