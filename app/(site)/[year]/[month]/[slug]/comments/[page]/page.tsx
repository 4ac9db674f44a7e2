import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { ArticlePage } from '@/components/site/article-page';
import { NotFoundHere } from '@/components/site/site-not-found';
import { commentsPagePath } from '@/lib/comments/thread';
import { articleMetadata, loadArticle, type ArticleParams } from '@/lib/posts/article-page';
import { parsePageParam } from '@/lib/posts/paging';

type Props = { params: Promise<ArticleParams & { page: string }> };

// Older comments of an article (lib/comments/thread.ts), rendered on their first visit, then cached.
export const generateStaticParams = async () => [];

/** The article with page N of its comments, N from 2 (page 1 is the article's own address); null for no such page. */
async function load(params: Props['params']) {
  const { page, ...article } = await params;
  const pageNumber = parsePageParam(page);
  return pageNumber ? loadArticle(article, pageNumber) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  return found ? { ...articleMetadata(found), robots: { index: false, follow: true } } : {};
}

export default async function ArticleCommentsRoute({ params }: Props) {
  const found = await load(params);
  if (!found) return <NotFoundHere />;
  if (found.requested !== found.canonical) permanentRedirect(commentsPagePath(found.canonical, found.comments.page));
  return <ArticlePage {...found} />;
}
