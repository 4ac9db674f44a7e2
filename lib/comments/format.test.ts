import { describe, expect, it } from 'vitest';
import { formatCommentText } from './format';

describe('formatCommentText', () => {
  it('splits paragraphs on blank lines', () => {
    expect(formatCommentText('one\n\n\ntwo\r\n\r\nthree')).toEqual([
      [{ kind: 'text', text: 'one' }],
      [{ kind: 'text', text: 'two' }],
      [{ kind: 'text', text: 'three' }],
    ]);
  });

  it('links http(s) URLs without the trailing punctuation', () => {
    expect(formatCommentText('See https://example.org/a?b=1. Thanks')).toEqual([
      [
        { kind: 'text', text: 'See ' },
        { kind: 'link', href: 'https://example.org/a?b=1', text: 'https://example.org/a?b=1' },
        { kind: 'text', text: '. Thanks' },
      ],
    ]);
  });

  it('never links other schemes and keeps markup as text', () => {
    expect(formatCommentText('javascript:alert(1) <b>hi</b>')).toEqual([
      [{ kind: 'text', text: 'javascript:alert(1) <b>hi</b>' }],
    ]);
  });
});
