import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { ArticlePage } from '@/components/site/article-page';
import { NotFoundHere } from '@/components/site/site-not-found';
import { articleMetadata, loadArticle, type ArticleParams } from '@/lib/posts/article-page';
import { listRecentPostPaths } from '@/lib/posts/queries';
import { redirectIfMoved } from '@/lib/redirects/lookup';

type Props = { params: Promise<ArticleParams> };

// The newest posts are rendered at build time; older ones on their first visit, then cached.
export async function generateStaticParams() {
  const paths = await listRecentPostPaths();
  return paths.map((path) => {
    const [, year, month, slug] = path.split('/');
    return { year, month, slug };
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadArticle(await params);
  return found ? articleMetadata(found) : {};
}

export default async function ArticleRoute({ params }: Props) {
  const { year, month, slug } = await params;
  const found = await loadArticle({ year, month, slug });
  if (!found) {
    // Blogger's /YYYY/MM/slug.html came here through next.config's redirect: an import stored that form.
    await redirectIfMoved(`/${year}/${month}/${slug}`, `/${year}/${month}/${slug}.html`);
    return <NotFoundHere />;
  }
  // A right slug under the wrong month (an old link, or a changed time zone) moves to the real permalink.
  if (found.requested !== found.canonical) permanentRedirect(found.canonical);
  return <ArticlePage {...found} />;
}
