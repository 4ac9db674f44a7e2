import { describe, expect, it } from 'vitest';
import { sanitizePostHtml } from './html';

describe('sanitizePostHtml', () => {
  it('keeps the formatting an article needs', () => {
    const html =
      '<h2>Tide</h2><p><strong>High</strong> at <em>noon</em></p><ul><li>one</li></ul><blockquote>q</blockquote>';
    expect(sanitizePostHtml(html)).toBe(html);
  });

  it.each([
    ['<p>a<script>alert(1)</script></p>', '<p>a</p>'],
    ['<img src="x.png" onerror="alert(1)">', '<img src="x.png" loading="lazy" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<a href="JaVaScRiPt&#58;alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<iframe src="https://evil.test"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<p style="position:fixed" onclick="x()">t</p>', '<p>t</p>'],
    ['<svg><script>alert(1)</script></svg>', ''],
  ])('removes what could run: %s', (dirty, clean) => {
    expect(sanitizePostHtml(dirty)).toBe(clean);
  });

  it('marks outbound links noopener', () => {
    expect(sanitizePostHtml('<a href="https://example.org" target="_blank">x</a>')).toBe(
      '<a href="https://example.org" rel="noopener noreferrer">x</a>',
    );
  });
});
