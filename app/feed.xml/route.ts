import { env } from '@/lib/env';
import { renderRss } from '@/lib/feeds/rss';
import { postPath } from '@/lib/posts/permalink';
import { listPosts } from '@/lib/posts/queries';
import { getSettings } from '@/lib/settings/queries';

// Built once and cached; publishing revalidates the `posts` tag, which regenerates it.
export const dynamic = 'force-static';

const FEED_SIZE = 20;

export async function GET() {
  const siteUrl = env().SITE_URL.replace(/\/$/, '');
  const [settings, { posts }] = await Promise.all([getSettings(), listPosts({ page: 1, perPage: FEED_SIZE })]);
  const xml = renderRss({
    title: settings.title,
    description: settings.description,
    siteUrl,
    feedUrl: `${siteUrl}/feed.xml`,
    items: posts.map((post) => ({
      title: post.title,
      url: siteUrl + postPath(post, settings.timeZone),
      description: post.excerpt,
      author: post.author.name,
      categories: post.labels.map((label) => label.name),
      publishedAt: post.publishedAt,
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
