import { applyRevalidationsNow, revalidateComments, revalidatePost, revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import { jobs } from '@/lib/jobs/jobs';
import { isSchedulerRequest } from '@/lib/scheduler/key';

/**
 * Refreshes the cached pages a background job changed (a scheduled post went out, an ad started or ended) or a
 * request answered before Next (a published comment, lib/comments/endpoint.ts). Called on the
 * server's own address (lib/scheduler/revalidate-through-server.ts): jobs and the front run outside Next's requests,
 * and cache revalidation needs one to run in.
 */
export async function POST(request: Request) {
  if (!isSchedulerRequest(request)) return Response.json({ error: 'Forbidden' }, { status: 403 });
  const change = jobs.revalidate.data.safeParse(await request.json().catch(() => null));
  if (!change.success) return Response.json({ error: 'Bad request' }, { status: 400 });
  const { posts, comments, ads, site } = change.data;
  if (posts.length > 0) revalidatePost({ slugs: posts, listings: true });
  if (comments.length > 0) revalidateComments(comments);
  if (ads) revalidateTags([tags.ads]);
  if (site) revalidateTags([tags.posts, tags.pages, tags.settings, tags.menu, tags.ads]);
  await applyRevalidationsNow();
  return Response.json({ revalidated: change.data });
}
