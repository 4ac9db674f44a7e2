import { describe, expect, it } from 'vitest';
import { splitAfterParagraph } from './split-body';

describe('splitAfterParagraph', () => {
  const body =
    '<p>One <a href="/x">link</a></p><blockquote><p>Quoted</p></blockquote><p>Two<br>lines</p><ul><li><p>Item</p></li></ul><p>Three</p>';

  it('splits after the nth top-level paragraph, skipping quoted and listed ones', () => {
    expect(splitAfterParagraph(body, 1)).toEqual([
      '<p>One <a href="/x">link</a></p>',
      body.slice('<p>One <a href="/x">link</a></p>'.length),
    ]);
    const [before, after] = splitAfterParagraph(body, 2);
    expect(before.endsWith('<p>Two<br>lines</p>')).toBe(true);
    expect(after).toBe('<ul><li><p>Item</p></li></ul><p>Three</p>');
  });

  it('keeps a short body whole', () => {
    expect(splitAfterParagraph(body, 4)).toEqual([body, '']);
    expect(splitAfterParagraph('', 2)).toEqual(['', '']);
    expect(splitAfterParagraph(body, 0)).toEqual(['', body]);
  });

  it('does not count images and rules as open elements', () => {
    expect(splitAfterParagraph('<p>A<img src="/a.png" alt=""></p><hr/><p>B</p>', 1)).toEqual([
      '<p>A<img src="/a.png" alt=""></p>',
      '<hr/><p>B</p>',
    ]);
    expect(splitAfterParagraph('<hr><p>A</p><p>B</p>', 1)).toEqual(['<hr><p>A</p>', '<p>B</p>']);
  });
});
