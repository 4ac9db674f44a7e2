import { describe, expect, it } from 'vitest';
import { commentText, importedBody } from './bodies';

const none = () => null;

describe('importedBody', () => {
  it('turns [caption] into a figure, [embed] into a link, and drops other shortcodes and block comments', () => {
    const html = importedBody(
      '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->\n[caption id="a" width="640"]<img src="https://x.example/a.jpg" alt="A"> The caption[/caption]\n[gallery ids="1,2"]\n[embed]https://video.example/v/1[/embed]',
      none,
    );
    expect(html).toBe(
      '<p>Hi</p>\n<figure><img src="https://x.example/a.jpg" alt="A" loading="lazy" /><figcaption>The caption</figcaption></figure>\n\n<p><a href="https://video.example/v/1" rel="noopener noreferrer">https://video.example/v/1</a></p>',
    );
  });

  it('sanitizes: no scripts, iframes or event handlers', () => {
    const html = importedBody(
      '<p onclick="x()">a</p><script>alert(1)</script><iframe src="https://e.example"></iframe>',
      none,
    );
    expect(html).toBe('<p>a</p>');
  });

  it('rewrites links the caller knows, leaving the others', () => {
    const html = importedBody(
      '<p><a href="https://old.example/2018/10/a.html">a</a> <a href="https://else.example/">b</a></p>',
      (href) => (href.endsWith('/a.html') ? '/2018/10/a' : null),
    );
    expect(html).toContain('href="/2018/10/a"');
    expect(html).toContain('href="https://else.example/"');
  });

  it('makes paragraphs of classic posts written with blank lines', () => {
    expect(importedBody('One.\n\nTwo.', none)).toBe('<p>One.</p><p>Two.</p>');
  });
});

describe('commentText', () => {
  it('keeps line breaks and the words, never markup', () => {
    expect(commentText('About time!<br />Good news &amp;amp; <b>well</b> done &#8230;')).toBe(
      'About time!\nGood news &amp; well done …',
    );
  });
});
