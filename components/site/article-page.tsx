import { listAdSlots } from '@/lib/ads/queries';
import { slotsFor } from '@/lib/ads/rules';
import { env } from '@/lib/env';
import type { LoadedArticle } from '@/lib/posts/article-page';
import { newsArticleData } from '@/lib/seo';
import { Article } from './article';
import { PostPager } from './post-pager';
import { SiteFrame } from './site-frame';
import { StructuredData } from './structured-data';

/** An article's page, or one of its further pages of comments: the post, its ads, comments and neighbours. */
export async function ArticlePage({ post, settings, comments, canonical }: LoadedArticle) {
  const labels = post.labels.map((label) => label.slug);
  const inArticle = slotsFor(await listAdSlots(), 'in_article', labels);
  return (
    <SiteFrame labels={labels}>
      <StructuredData data={newsArticleData(post, { title: settings.title, url: env().SITE_URL }, canonical)} />
      <Article post={post} settings={settings} comments={comments} adSlots={inArticle} />
      <PostPager post={post} timeZone={settings.timeZone} />
    </SiteFrame>
  );
}
