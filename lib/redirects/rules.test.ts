import { describe, expect, it } from 'vitest';
import { redirectMessages } from './messages';
import { checkRedirect, parseRedirectsCsv } from './rules';

describe('checkRedirect', () => {
  it('takes a path or an old full URL as the old address, and a path or http(s) URL as the new one', () => {
    expect(checkRedirect(' /about/ ', '/p/about')).toEqual({ ok: true, fromPath: '/about', toPath: '/p/about' });
    expect(checkRedirect('https://old.blogspot.com/p/team.html', 'https://elsewhere.example/team')).toEqual({
      ok: true,
      fromPath: '/p/team.html',
      toPath: 'https://elsewhere.example/team',
    });
  });

  it('refuses what is not an address, a scheme that is not http(s), and a redirect to itself', () => {
    expect(checkRedirect('about', '/p/about')).toMatchObject({ ok: false, field: 'fromPath' });
    expect(checkRedirect('/about', 'javascript:alert(1)')).toMatchObject({ ok: false, field: 'toPath' });
    expect(checkRedirect('/about', '//evil.example')).toMatchObject({ ok: false, field: 'toPath' });
    expect(checkRedirect('/about/', '/about')).toEqual({
      ok: false,
      field: 'toPath',
      message: redirectMessages.toItself,
    });
  });
});

describe('parseRedirectsCsv', () => {
  it('reads old,new lines, skips headings and blank lines, and names each refused line', () => {
    const csv = [
      'old,new',
      '/about/,/p/about',
      '',
      '"/?p=12","/2018/10/harbour-wall"',
      '/contact',
      'nowhere,/p/contact',
      '/a,/b,/c',
    ].join('\r\n');
    expect(parseRedirectsCsv(csv)).toEqual({
      rows: [
        { fromPath: '/about', toPath: '/p/about' },
        { fromPath: '/?p=12', toPath: '/2018/10/harbour-wall' },
      ],
      refused: [
        { line: 5, reason: redirectMessages.notTwoColumns },
        { line: 6, reason: redirectMessages.badFrom },
        { line: 7, reason: redirectMessages.notTwoColumns },
      ],
    });
  });
});
