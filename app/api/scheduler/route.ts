import { getDb } from '@/lib/db';
import { revalidatePost, revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import { adWindowsChanged } from '@/lib/scheduler/ad-windows';
import { pruneViews } from '@/db/queries/ad-stats';
import { pruneDrafts } from '@/lib/comments/drafts';
import { notifyModerators } from '@/lib/comments/moderation';
import { pruneEvents } from '@/lib/rate-limit';
import { isSchedulerRequest } from '@/lib/scheduler/key';
import { emptyOldTrash, publishDuePosts } from '@/lib/scheduler/publish-due';

/**
 * One scheduler tick: publish due posts and revalidate their pages, tidy up, mail moderators what waits. Called every few seconds by the server's own
 * timer (instrumentation.ts); a route handler, because cache revalidation needs a request to run in.
 */
// When this process last looked, so each ad window boundary is seen once.
const lastTick: { at?: Date } = {};

export async function POST(request: Request) {
  if (!isSchedulerRequest(request)) return Response.json({ error: 'Forbidden' }, { status: 403 });
  const db = await getDb();
  const now = new Date();
  const { published, failed } = await publishDuePosts(db, now);
  for (const post of published) revalidatePost({ slugs: [post.slug], listings: true });
  // An ad starts or stops at its time on cached pages too.
  const since = lastTick.at ?? new Date(now.getTime() - 60_000);
  if (await adWindowsChanged(db, since, now)) revalidateTags([tags.ads]);
  lastTick.at = now;
  const trashed = await emptyOldTrash(db);
  await pruneEvents(db, 24 * 60 * 60 * 1000);
  await pruneDrafts(db);
  // Comments held while the last moderator mail was too recent are announced once it is old enough.
  await notifyModerators(db, now);
  await pruneViews(db, now);
  return Response.json({ published: published.map((p) => p.id), failed, trashed });
}
