import { describe, expect, it } from 'vitest';
import { xssPayloads } from '../e2e/xss-payloads';
import type { PostSummary } from '@/lib/posts/queries';
import { jsonForScript, newsArticleData } from './seo';

const post: PostSummary = {
  id: 1,
  slug: 'harbour-wall-repairs-begin',
  title: 'Work finally begins on the east harbour wall',
  excerpt: 'Contractors moved onto the east pier at first light.',
  coverImage: '/uploads/2026/12/harbour.webp',
  coverAlt: 'The harbour wall',
  publishedAt: new Date('2026-12-01T08:00:00Z'),
  updatedAt: new Date('2026-12-02T09:30:00Z'),
  author: { name: 'Maya Okafor', slug: 'maya-okafor' },
  labels: [
    { name: 'Harbour', slug: 'harbour' },
    { name: 'Town Council', slug: 'town-council' },
  ],
};
const site = { title: 'The Harbour Ledger', url: 'https://ledger.example' };

describe('newsArticleData', () => {
  it('describes the article with absolute URLs and ISO dates', () => {
    expect(newsArticleData(post, site, '/2026/12/harbour-wall-repairs-begin')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: post.title,
      description: post.excerpt,
      mainEntityOfPage: 'https://ledger.example/2026/12/harbour-wall-repairs-begin',
      image: ['https://ledger.example/uploads/2026/12/harbour.webp'],
      datePublished: '2026-12-01T08:00:00.000Z',
      dateModified: '2026-12-02T09:30:00.000Z',
      author: [{ '@type': 'Person', name: 'Maya Okafor', url: 'https://ledger.example/author/maya-okafor' }],
      publisher: { '@type': 'Organization', name: 'The Harbour Ledger', url: 'https://ledger.example/' },
      keywords: ['Harbour', 'Town Council'],
    });
  });

  it('leaves out the picture and keywords a post does not have', () => {
    const data = newsArticleData({ ...post, coverImage: null, labels: [] }, site, '/2026/12/x');
    expect(data).not.toHaveProperty('image');
    expect(data).not.toHaveProperty('keywords');
  });
});

describe('jsonForScript', () => {
  it.each(xssPayloads)('keeps %j inside the script element and reads back unchanged', (payload) => {
    const json = jsonForScript({ headline: payload, author: [{ name: `${payload}<!--` }] });
    // Without a `<` nothing can end the element (`</script`) or open a comment in it.
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ headline: payload, author: [{ name: `${payload}<!--` }] });
  });
});
