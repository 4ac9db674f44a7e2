import { describe, expect, it } from 'vitest';
import { renderRss } from './rss';

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
});
