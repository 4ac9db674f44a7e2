import { getDb } from '@/db';
import { revalidatePost } from '@/lib/cache/revalidate';
import { pruneDrafts } from '@/lib/comments/drafts';
import { pruneEvents } from '@/lib/rate-limit';
import { isSchedulerRequest } from '@/lib/scheduler/key';
import { emptyOldTrash, publishDuePosts } from '@/lib/scheduler/publish-due';

/**
 * One scheduler tick: publish due posts and revalidate their pages. Called every few seconds by the server's own
 * timer (instrumentation.ts); a route handler, because cache revalidation needs a request to run in.
 */
export async function POST(request: Request) {
  if (!isSchedulerRequest(request)) return Response.json({ error: 'Forbidden' }, { status: 403 });
  const db = await getDb();
  const { published, failed } = await publishDuePosts(db);
  for (const post of published) revalidatePost({ slugs: [post.slug], listings: true });
  const trashed = await emptyOldTrash(db);
  await pruneEvents(db, 24 * 60 * 60 * 1000);
  await pruneDrafts(db);
  return Response.json({ published: published.map((p) => p.id), failed, trashed });
}
