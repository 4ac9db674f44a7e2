import 'server-only';
import type { Metadata } from 'next';
import { getCommentsPage } from '@/lib/comments/queries';
import { commentsPagePath } from '@/lib/comments/thread';
import { alternates } from '@/lib/seo';
import { getSettings } from '@/lib/settings/queries';
import { authorPath, postPath } from './permalink';
import { getPost } from './queries';

export type ArticleParams = { year: string; month: string; slug: string };

/**
 * The post at this address with page `commentsPage` of its comments (1: the article's own), or null: no such
 * post, or no such page of comments (the page answers 404; metadata must not throw, see NotFoundHere).
 */
export async function loadArticle({ year, month, slug }: ArticleParams, commentsPage = 1) {
  const [post, settings] = await Promise.all([getPost(decodeURIComponent(slug)), getSettings()]);
  if (!post) return null;
  const comments = await getCommentsPage(post.id, commentsPage, settings.maxReplyDepth);
  if (!comments) return null;
  const canonical = postPath(post, settings.timeZone);
  return { post, settings, comments, canonical, requested: `/${year}/${month}/${slug}` };
}

export type LoadedArticle = NonNullable<Awaited<ReturnType<typeof loadArticle>>>;

export function articleMetadata({ post, canonical, comments }: LoadedArticle): Metadata {
  const url = commentsPagePath(canonical, comments.page);
  return {
    title: comments.page === 1 ? post.title : `${post.title}: comments, page ${comments.page}`,
    description: post.excerpt,
    alternates: alternates(url),
    authors: [{ name: post.author.name, url: authorPath(post.author.slug) }],
    openGraph: {
      type: 'article',
      title: post.title,
      description: post.excerpt,
      url,
      publishedTime: post.publishedAt.toISOString(),
      modifiedTime: post.updatedAt.toISOString(),
      authors: [post.author.name],
      tags: post.labels.map((label) => label.name),
      ...(post.coverImage && { images: [{ url: post.coverImage, width: 1200, height: 630, alt: post.coverAlt }] }),
    },
  };
}
