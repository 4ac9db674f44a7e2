import { newsFeed } from '@/lib/feeds/news-feed';
import { getLiveLabel } from '@/lib/posts/queries';

// Rendered per request from cached reads: no file per label on disk, and none for a label that does not exist. A
// label on no live post has no feed (its name would tell of a story not yet out).
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const label = await getLiveLabel((await params).slug);
  if (!label)
    return new Response('No such label.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return newsFeed(label);
}
