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
