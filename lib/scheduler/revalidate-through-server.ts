import 'server-only';
import { env } from '@/lib/env';
import type { JobInput } from '@/lib/jobs/jobs';
import { schedulerKey } from './key';

/**
 * Cache revalidation needs a request to run in (Next 16), so code outside one (a job, a route answered before Next)
 * asks the server's own route to do it. Resolves once the cached data is stale; the route's own work after its
 * answer (the proxy's copies, the second pass) follows.
 */
export async function revalidateThroughServer(change: JobInput<'revalidate'>): Promise<void> {
  // Read at each call: Next sets PORT as it starts listening.
  const { SCHEDULER_URL, PORT } = env();
  const base = SCHEDULER_URL ?? `http://127.0.0.1:${PORT}`;
  const response = await fetch(`${base}/api/scheduler`, {
    method: 'POST',
    headers: { authorization: `Bearer ${schedulerKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify(change),
  });
  // Thrown, so pg-boss tries again (with backoff): at start the server is not listening yet.
  if (!response.ok) throw new Error(`/api/scheduler answered ${response.status}`);
}

type Batch = { postIds: Set<number>; done: Promise<void> };
let gathering: Batch | null = null;
let underWay: Promise<unknown> = Promise.resolve();

/**
 * The pages of posts whose comments were just published, refreshed through the server, one refresh at a time: the
 * posts of comments published while one is under way go together in the next. Each refresh is a request through
 * Next, and one per comment halved the rate of a rush of published comments (bench/FINDINGS.md, "Published
 * comments"). Resolves once a refresh that began after the call has finished, as a refresh of its own would have.
 */
export function revalidateCommentsThroughServer(postId: number): Promise<void> {
  if (!gathering) {
    const postIds = new Set<number>();
    const done = underWay.then(() => {
      gathering = null;
      return revalidateThroughServer({ comments: [...postIds] });
    });
    underWay = done.catch(() => undefined);
    gathering = { postIds, done };
  }
  gathering.postIds.add(postId);
  return gathering.done;
}
