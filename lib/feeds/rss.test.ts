import { describe, expect, it } from 'vitest';
import { renderRss, withAbsoluteUrls } from './rss';

describe('renderRss', () => {
  const feed = {
    title: 'The <Ledger> & Co',
    description: 'News',
    siteUrl: 'https://news.example',
    feedUrl: 'https://news.example/feed.xml',
    items: [
      {
        title: 'Tides & "storms" <script>',
        url: 'https://news.example/2015/09/tides',
        description: 'A </description> break attempt',
        author: 'Maya',
        categories: ['Weather'],
        publishedAt: new Date('2015-09-27T10:00:00Z'),
      },
    ],
  };

  it('escapes every text field', () => {
    const xml = renderRss(feed);
    expect(xml).toContain('<title>The &lt;Ledger&gt; &amp; Co</title>');
    expect(xml).toContain('<title>Tides &amp; &quot;storms&quot; &lt;script&gt;</title>');
    expect(xml).toContain('<description>A &lt;/description&gt; break attempt</description>');
    expect(xml).not.toContain('<script>');
  });

  it('writes RFC 822 dates and permalink guids', () => {
    const xml = renderRss(feed);
    expect(xml).toContain('<pubDate>Sun, 27 Sep 2015 10:00:00 GMT</pubDate>');
    expect(xml).toContain('<guid isPermaLink="true">https://news.example/2015/09/tides</guid>');
    expect(xml).toContain('<category>Weather</category>');
  });

  it('carries a whole post as one piece of markup that nothing in it can end early', () => {
    const body = '<p>Tides</p><pre>a ]]> b ]]]]> c</pre><p>&amp; more</p>';
    const xml = renderRss({ ...feed, items: [{ ...feed.items[0], content: body }] });
    expect(xml).toContain('xmlns:content="http://purl.org/rss/1.0/modules/content/"');
    const encoded = /<content:encoded>(.*)<\/content:encoded>/s.exec(xml)![1];
    // What an XML reader gets back: the text of every CDATA section, joined.
    const sections = [...encoded.matchAll(/<!\[CDATA\[(.*?)\]\]>/gs)].map((match) => match[1]);
    expect(encoded).toBe(sections.map((text) => `<![CDATA[${text}]]>`).join(''));
    expect(sections.join('')).toBe(body);
  });

  it('leaves the content out of an item without one', () => {
    expect(renderRss(feed)).not.toContain('content:encoded>');
  });
});

describe('withAbsoluteUrls', () => {
  it("gives the site's address to links and images into the site, and leaves every other address", () => {
    const html =
      '<p><a href="/2026/11/tides" rel="noopener noreferrer">earlier</a> <a href="https://other.example/x">out</a> ' +
      '<a href="//cdn.example/y">cdn</a> <a href="#notes">notes</a> <a href="mailto:desk@news.example">desk</a></p>' +
      '<img src="/uploads/2026/11/a.webp" alt="/uploads/not-a-link" loading="lazy"><p>Path /uploads/x in text</p>';
    expect(withAbsoluteUrls(html, 'https://news.example')).toBe(
      '<p><a href="https://news.example/2026/11/tides" rel="noopener noreferrer">earlier</a> <a href="https://other.example/x">out</a> ' +
        '<a href="//cdn.example/y">cdn</a> <a href="#notes">notes</a> <a href="mailto:desk@news.example">desk</a></p>' +
        '<img src="https://news.example/uploads/2026/11/a.webp" alt="/uploads/not-a-link" loading="lazy"><p>Path /uploads/x in text</p>',
    );
  });
});
