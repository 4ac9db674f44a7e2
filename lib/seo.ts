import type { Metadata } from 'next';
import type { PostSummary } from '@/lib/posts/queries';
import { authorPath } from '@/lib/posts/permalink';

type Feed = { url: string; title: string };

/**
 * A page's canonical URL plus the site feed (and the page's own feed, if it has one: a label's). Next replaces
 * (does not merge) `alternates` set by a page, so every page names the feed again through here.
 */
export function alternates(canonical?: string, ownFeed?: Feed): Metadata['alternates'] {
  return {
    ...(canonical && { canonical }),
    types: { 'application/rss+xml': ownFeed ? [{ url: '/feed.xml', title: 'All news' }, ownFeed] : '/feed.xml' },
  };
}

/**
 * The article as schema.org NewsArticle: what search engines read for their article results and news carousels
 * (headline, picture, dates, author, publisher), as Ghost and WordPress's SEO plugins give every post. The same
 * facts as the page's Open Graph tags; URLs are absolute, as the vocabulary expects.
 */
export function newsArticleData(post: PostSummary, site: { title: string; url: string }, canonical: string) {
  const absolute = (path: string) => new URL(path, site.url).href;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: post.title,
    description: post.excerpt,
    mainEntityOfPage: absolute(canonical),
    ...(post.coverImage && { image: [absolute(post.coverImage)] }),
    datePublished: post.publishedAt.toISOString(),
    dateModified: post.updatedAt.toISOString(),
    author: [{ '@type': 'Person', name: post.author.name, url: absolute(authorPath(post.author.slug)) }],
    publisher: { '@type': 'Organization', name: site.title, url: absolute('/') },
    ...(post.labels.length > 0 && { keywords: post.labels.map((label) => label.name) }),
  };
}

/**
 * JSON for the inside of a <script> element. Every `<` is written as \u003c, so no text in it (a title, a name)
 * can close the element or open a comment there; JSON readers decode it back.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
