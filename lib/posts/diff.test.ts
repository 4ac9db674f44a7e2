import { describe, expect, it } from 'vitest';
import { diffLines, htmlToLines } from './diff';

describe('revision diffs', () => {
  it('reads HTML blocks as lines of text', () => {
    expect(htmlToLines('<h2>Tide &amp; time</h2><p>One <strong>two</strong></p><ul><li>a</li></ul>')).toEqual([
      'Tide & time',
      'One two',
      'a',
    ]);
  });

  it('shows removed and added lines around the unchanged ones', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
    expect(diffLines([], ['a'])).toEqual([{ kind: 'added', text: 'a' }]);
  });
});
