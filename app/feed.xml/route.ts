import { newsFeed } from '@/lib/feeds/news-feed';

// Built once and cached; publishing revalidates the `posts` tag, which regenerates it.
export const dynamic = 'force-static';

export function GET() {
  return newsFeed();
}
