import type { Metadata } from 'next';

/**
 * A page's canonical URL plus the site feed. Next replaces (does not merge) `alternates` set by a page,
 * so every page names the feed again through here.
 */
export function alternates(canonical?: string): Metadata['alternates'] {
  return { ...(canonical && { canonical }), types: { 'application/rss+xml': '/feed.xml' } };
}
