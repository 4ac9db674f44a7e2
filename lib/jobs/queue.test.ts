import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import type { JobData } from './jobs';
import { enqueue, jobStatus, openQueue, startQueue, stopQueue, type Queue } from './queue';

// On PostgreSQL each pg-boss instance below has a pool of its own, as separate servers would; on PGlite they share
// the process's one connection, as everything in a PGlite process must.
useFreshDatabase('jobs');
const polling = { background: true, pollingIntervalSeconds: 0.5 };
const open: Queue[] = [];
async function instance(): Promise<Queue> {
  const queue = await openQueue(polling);
  open.push(queue);
  return queue;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.stop()));
  await stopQueue();
});

/** Records the 'revalidate' jobs a queue works: a job with no effect of its own. */
function recorder() {
  const seen: JobData<'revalidate'>[] = [];
  return { seen, handler: async (data: JobData<'revalidate'>) => void seen.push(data) };
}
/** Three polling rounds: long enough for a job that would run twice to do so. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('the job queue', () => {
  it('installs its schema once when several instances start together', async () => {
    const queues = await Promise.all([instance(), instance(), instance()]);
    // Each can send: its queues exist (nobody works 'sweep' in this file).
    for (const queue of queues) expect(await queue.enqueue('sweep', {})).toBeTruthy();
  });

  it('runs a job once, and reports its state and progress', async () => {
    const queue = await startQueue(polling);
    const seen: JobData<'revalidate'>[] = [];
    await queue.work('revalidate', async (data, job) => {
      seen.push(data);
      await job.progress({ done: 1, total: 2, note: 'half way' });
    });
    const id = await enqueue('revalidate', { posts: ['once'] });
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000 });
    await settle();
    expect(seen).toEqual([{ posts: ['once'], ads: false, comments: [] }]);
    await vi.waitFor(async () => expect((await jobStatus('revalidate', id!))?.state).toBe('completed'));
    expect((await jobStatus('revalidate', id!))?.progress).toEqual({ done: 1, total: 2, note: 'half way' });
  });

  it('refuses a payload that does not match its schema', async () => {
    const queue = await instance();
    await expect(queue.enqueue('publish-post', { postId: -1, at: 'soon' })).rejects.toThrow();
  });

  it('gives each job to exactly one of two instances working the same queue', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const [one, two] = [recorder(), recorder()];
    await a.work('revalidate', one.handler);
    await b.work('revalidate', two.handler);
    const slugs = Array.from({ length: 12 }, (_, i) => `post-${i}`);
    for (const slug of slugs) await a.enqueue('revalidate', { posts: [slug] });
    const worked = () => [...one.seen, ...two.seen].flatMap((change) => change.posts).sort();
    await vi.waitFor(() => expect(worked()).toHaveLength(slugs.length), { timeout: 20_000 });
    await settle();
    expect(worked()).toEqual([...slugs].sort());
  });

  it('wakes a worker at once for a job sent to a queue that notifies, between its polls', async () => {
    const queue = await openQueue({ background: true, pollingIntervalSeconds: 30 });
    open.push(queue);
    const { seen, handler } = recorder();
    await queue.work('revalidate', handler);
    // The worker's first poll, at once, finds nothing; the next would be 30 s away.
    await settle();
    await queue.enqueue('revalidate', { ads: true });
    await vi.waitFor(() => expect(seen).toEqual([{ posts: [], ads: true, comments: [] }]), { timeout: 5000 });
  });

  it('keeps a job through a stop and a start of the queue', async () => {
    const before = await instance();
    const id = await before.enqueue('revalidate', { posts: ['kept'] }, { startAfter: new Date(Date.now() + 1000) });
    await before.stop();
    open.splice(open.indexOf(before), 1);

    const after = await instance();
    const { seen, handler } = recorder();
    await after.work('revalidate', handler);
    await vi.waitFor(() => expect(seen).toEqual([{ posts: ['kept'], ads: false, comments: [] }]), { timeout: 10_000 });
    expect((await after.status('revalidate', id!))?.state).not.toBe('created');
  });

  it('replaces a waiting job that has the same key, data and time', async () => {
    const queue = await instance();
    const key = { singletonKey: 'the-one' };
    const first = await queue.enqueue(
      'revalidate',
      { posts: ['later'] },
      { ...key, startAfter: new Date(Date.now() + 60_000) },
    );
    const sentAt = Date.now();
    const second = await queue.enqueue(
      'revalidate',
      { posts: ['sooner'] },
      { ...key, startAfter: new Date(sentAt + 1000) },
    );
    expect(second).toBe(first);
    const { seen, handler } = recorder();
    await queue.work('revalidate', handler);
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 10_000 });
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1000);
    await settle();
    expect(seen).toEqual([{ posts: ['sooner'], ads: false, comments: [] }]);
  });
});
