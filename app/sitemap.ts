import type { MetadataRoute } from 'next';
import { env } from '@/lib/env';
import { listPublishedPages } from '@/lib/pages/queries';
import { pagePath } from '@/lib/pages/permalink';
import { groupByYear } from '@/lib/posts/archive';
import { labelPath, monthPath, postPath, yearPath } from '@/lib/posts/permalink';
import { listArchiveMonths, listLabels, listPostDates } from '@/lib/posts/queries';
import { getSettings } from '@/lib/settings/queries';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const siteUrl = env().SITE_URL;
  const settings = await getSettings();
  const [posts, labels, months, pages] = await Promise.all([
    listPostDates(),
    listLabels(),
    listArchiveMonths(settings.timeZone),
    listPublishedPages(),
  ]);
  return [
    { url: `${siteUrl}/`, lastModified: posts[0]?.updatedAt, changeFrequency: 'hourly', priority: 1 },
    ...posts.map((post) => ({ url: siteUrl + postPath(post, settings.timeZone), lastModified: post.updatedAt })),
    ...labels.map((label) => ({ url: siteUrl + labelPath(label.slug) })),
    ...groupByYear(months).map((y) => ({ url: siteUrl + yearPath(y.year) })),
    ...months.map((m) => ({ url: siteUrl + monthPath(m.year, m.month) })),
    ...pages.map((page) => ({ url: siteUrl + pagePath(page.slug), lastModified: page.updatedAt })),
  ];
}
