import { revalidatePost, revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import { jobs } from '@/lib/jobs/jobs';
import { isSchedulerRequest } from '@/lib/scheduler/key';

/**
 * Refreshes the cached pages a background job changed (a scheduled post went out, an ad started or ended). Called by
 * the 'revalidate' job (lib/scheduler/jobs.ts) on the server's own address: jobs run outside any request, and cache
 * revalidation needs one to run in.
 */
export async function POST(request: Request) {
  if (!isSchedulerRequest(request)) return Response.json({ error: 'Forbidden' }, { status: 403 });
  const change = jobs.revalidate.data.safeParse(await request.json().catch(() => null));
  if (!change.success) return Response.json({ error: 'Bad request' }, { status: 400 });
  const { posts, ads, site } = change.data;
  if (posts.length > 0) revalidatePost({ slugs: posts, listings: true });
  if (ads) revalidateTags([tags.ads]);
  if (site) revalidateTags([tags.posts, tags.pages, tags.settings, tags.menu, tags.ads]);
  return Response.json({ revalidated: change.data });
}
