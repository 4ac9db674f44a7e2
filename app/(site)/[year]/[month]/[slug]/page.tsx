import type { Metadata } from 'next';
import { alternates, newsArticleData } from '@/lib/seo';
import { permanentRedirect } from 'next/navigation';
import { Article } from '@/components/site/article';
import { SiteFrame } from '@/components/site/site-frame';
import { NotFoundHere } from '@/components/site/site-not-found';
import { PostPager } from '@/components/site/post-pager';
import { StructuredData } from '@/components/site/structured-data';
import { listAdSlots } from '@/lib/ads/queries';
import { env } from '@/lib/env';
import { slotsFor } from '@/lib/ads/rules';
import { getPost, listRecentPostPaths } from '@/lib/posts/queries';
import { authorPath, postPath } from '@/lib/posts/permalink';
import { redirectIfMoved } from '@/lib/redirects/lookup';
import { getSettings } from '@/lib/settings/queries';

type Props = { params: Promise<{ year: string; month: string; slug: string }> };

// The newest posts are rendered at build time; older ones on their first visit, then cached.
export async function generateStaticParams() {
  const paths = await listRecentPostPaths();
  return paths.map((path) => {
    const [, year, month, slug] = path.split('/');
    return { year, month, slug };
  });
}

/** The post at this address, or null (the page answers 404; metadata must not throw, see NotFoundHere). */
async function load(params: Props['params']) {
  const { year, month, slug } = await params;
  const [post, settings] = await Promise.all([getPost(decodeURIComponent(slug)), getSettings()]);
  if (!post) return null;
  const canonical = postPath(post, settings.timeZone);
  return { post, settings, canonical, requested: `/${year}/${month}/${slug}` };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { post, canonical } = found;
  return {
    title: post.title,
    description: post.excerpt,
    alternates: alternates(canonical),
    authors: [{ name: post.author.name, url: authorPath(post.author.slug) }],
    openGraph: {
      type: 'article',
      title: post.title,
      description: post.excerpt,
      url: canonical,
      publishedTime: post.publishedAt.toISOString(),
      modifiedTime: post.updatedAt.toISOString(),
      authors: [post.author.name],
      tags: post.labels.map((label) => label.name),
      ...(post.coverImage && { images: [{ url: post.coverImage, width: 1200, height: 630, alt: post.coverAlt }] }),
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const found = await load(params);
  if (!found) {
    const { year, month, slug } = await params;
    // Blogger's /YYYY/MM/slug.html came here through next.config's redirect: an import stored that form.
    await redirectIfMoved(`/${year}/${month}/${slug}`, `/${year}/${month}/${slug}.html`);
    return <NotFoundHere />;
  }
  const { post, settings, canonical, requested } = found;
  // A right slug under the wrong month (an old link, or a changed time zone) moves to the real permalink.
  if (requested !== canonical) permanentRedirect(canonical);
  const labels = post.labels.map((label) => label.slug);
  const inArticle = slotsFor(await listAdSlots(), 'in_article', labels);
  return (
    <SiteFrame labels={labels}>
      <StructuredData data={newsArticleData(post, { title: settings.title, url: env().SITE_URL }, canonical)} />
      <Article post={post} settings={settings} adSlots={inArticle} />
      <PostPager post={post} timeZone={settings.timeZone} />
    </SiteFrame>
  );
}
