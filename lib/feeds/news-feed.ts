import { env } from '@/lib/env';
import { labelPath, postPath } from '@/lib/posts/permalink';
import { listPostBodies, listPosts, type LabelRef } from '@/lib/posts/queries';
import { getSettings } from '@/lib/settings/queries';
import { renderRss, withAbsoluteUrls } from './rss';

const FEED_SIZE = 20;

/** Where a label's feed lives, next to its page. */
export const labelFeedPath = (slug: string) => `${labelPath(slug)}/feed.xml`;

/**
 * The newest posts as RSS: the whole site's, or one label's (Blogger's per-label feeds, for readers who follow one
 * beat), each whole or as its excerpt as the site's settings say. Built from cached reads, so a feed request does
 * not reach the database.
 */
export async function newsFeed(label?: LabelRef): Promise<Response> {
  const siteUrl = env().SITE_URL;
  const [settings, { posts }] = await Promise.all([
    getSettings(),
    listPosts({ page: 1, perPage: FEED_SIZE, ...(label && { labelSlug: label.slug }) }),
  ]);
  const bodies = settings.feedFullText ? await listPostBodies(posts.map((post) => post.id)) : [];
  const contentOf = new Map(bodies.map((row) => [row.id, withAbsoluteUrls(row.bodyHtml, siteUrl)]));
  const xml = renderRss({
    title: label ? `${settings.title}: ${label.name}` : settings.title,
    description: label ? `News labelled ${label.name}.` : settings.description,
    siteUrl: label ? siteUrl + labelPath(label.slug) : siteUrl,
    feedUrl: siteUrl + (label ? labelFeedPath(label.slug) : '/feed.xml'),
    items: posts.map((post) => ({
      title: post.title,
      url: siteUrl + postPath(post, settings.timeZone),
      description: post.excerpt,
      author: post.author.name,
      categories: post.labels.map((postLabel) => postLabel.name),
      publishedAt: post.publishedAt,
      content: contentOf.get(post.id),
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
