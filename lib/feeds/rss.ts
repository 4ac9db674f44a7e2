export type FeedItem = {
  title: string;
  url: string;
  description: string;
  author: string;
  categories: string[];
  publishedAt: Date;
  /** The whole post as HTML, with absolute URLs; without it the item carries its description alone. */
  content?: string;
};
export type Feed = { title: string; description: string; siteUrl: string; feedUrl: string; items: FeedItem[] };

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** HTML as one CDATA section; a `]]>` inside it is split across two, so the markup cannot end it early. */
const cdata = (html: string) => `<![CDATA[${html.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/**
 * A post's HTML for reading elsewhere: links and images that point into the site (`/2026/11/…`, `/uploads/…`) get
 * the site's address, which a feed reader would otherwise not know.
 */
export function withAbsoluteUrls(html: string, siteUrl: string): string {
  return html.replace(/(<(?:a|img)\s[^>]*?\b(?:href|src)=")\/(?!\/)/g, `$1${siteUrl}/`);
}

/**
 * An RSS 2.0 document; every piece of text is escaped and whole posts are CDATA, so titles, excerpts and bodies
 * cannot break the XML.
 */
export function renderRss(feed: Feed): string {
  const items = feed.items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.url)}</link>
      <guid isPermaLink="true">${escapeXml(item.url)}</guid>
      <pubDate>${item.publishedAt.toUTCString()}</pubDate>
      <dc:creator>${escapeXml(item.author)}</dc:creator>
${item.categories.map((c) => `      <category>${escapeXml(c)}</category>\n`).join('')}      <description>${escapeXml(item.description)}</description>
${item.content === undefined ? '' : `      <content:encoded>${cdata(item.content)}</content:encoded>\n`}    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.siteUrl)}</link>
    <description>${escapeXml(feed.description)}</description>
    <language>en</language>
    <atom:link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/rss+xml"/>
${feed.items[0] ? `    <lastBuildDate>${feed.items[0].publishedAt.toUTCString()}</lastBuildDate>\n` : ''}${items.join('\n')}
  </channel>
</rss>
`;
}
