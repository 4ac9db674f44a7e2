import type { Metadata } from 'next';

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
