import { demoPosts } from '../lib/seed/demo-content';

/** What the e2e server's demo content looks like, derived from the seed itself. */
export const published = demoPosts
  .filter((post) => post.status === 'published')
  .sort((a, b) => a.daysAgo - b.daysAgo || b.hour - a.hour);
export const newest = published[0];
export const draft = demoPosts.find((post) => post.status === 'draft')!;
export const scheduled = demoPosts.find((post) => post.status === 'scheduled')!;

export const approvedCount = (post: (typeof demoPosts)[number]) => {
  const count = (list: NonNullable<typeof post.comments>): number =>
    list.filter((c) => c.status === 'approved').reduce((sum, c) => sum + 1 + count(c.replies ?? []), 0);
  return count(post.comments ?? []);
};

/** Today's permalink month, as the seed dates "daysAgo" from now (site time zone UTC). */
export function permalinkOf(daysAgo: number, slug: string, now = new Date()) {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * 86_400_000);
  return `/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${slug}`;
}
