import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { adSlots, ads, posts } from '@/db/schema';
import type { JobData } from '@/lib/jobs/jobs';
import { enqueue, openQueue, startQueue, stopQueue, type Queue } from '@/lib/jobs/queue';
import { createAccount } from '@/lib/people/accounts';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { queueAdWindows, queuePublication, workSchedulerJobs } from './jobs';

const db = useFreshDatabase('scheduler_jobs');
const seconds = (n: number) => new Date(Date.now() + n * 1000);

// Two instances working the same queue (on PostgreSQL each with its own connections, on PGlite sharing the one),
// each recording the pages it was asked to refresh, with the time.
type Refresh = JobData<'revalidate'> & { at: number };
const refreshed: Refresh[] = [];
const record = async (change: JobData<'revalidate'>) => void refreshed.push({ ...change, at: Date.now() });
let second: Queue;
let authorId: string;
beforeAll(async () => {
  await workSchedulerJobs(await startQueue({ background: true, pollingIntervalSeconds: 0.5 }), record);
  second = await openQueue({ background: true, pollingIntervalSeconds: 0.5 });
  await workSchedulerJobs(second, record);
  authorId = (await createAccount(db(), { email: 'a@example.com', name: 'A', role: 'author' })).id;
});
afterAll(async () => {
  await second.stop();
  await stopQueue();
});

async function schedulePost(slug: string, publishedAt: Date) {
  const [post] = await db()
    .insert(posts)
    .values({ title: slug, slug, status: 'scheduled', publishedAt, authorId })
    .returning({ id: posts.id, publishedAt: posts.publishedAt });
  return { id: post.id, publishedAt: post.publishedAt! };
}
const statusOf = async (id: number) => (await db().select().from(posts).where(eq(posts.id, id)))[0].status;
const refreshesOf = (slug: string) => refreshed.filter((change) => change.posts.includes(slug));
/** Long enough for a job that would run twice to do so. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

describe('scheduled publishing on the job queue', () => {
  it('publishes a post at its time, and refreshes its pages', async () => {
    const post = await schedulePost('on-time', seconds(2));
    await queuePublication(post);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await statusOf(post.id)).toBe('scheduled');
    await vi.waitFor(async () => expect(await statusOf(post.id)).toBe('published'), { timeout: 15_000 });
    await vi.waitFor(() => expect(refreshesOf('on-time')).toHaveLength(1), { timeout: 15_000 });
    expect(refreshesOf('on-time')[0].at).toBeGreaterThanOrEqual(post.publishedAt.getTime());
  });

  it('moves the job when the post is scheduled again', async () => {
    const post = await schedulePost('moved', seconds(60));
    await queuePublication(post);
    const sooner = seconds(1);
    await db().update(posts).set({ publishedAt: sooner }).where(eq(posts.id, post.id));
    await queuePublication({ id: post.id, publishedAt: sooner });
    await vi.waitFor(async () => expect(await statusOf(post.id)).toBe('published'), { timeout: 15_000 });
  });

  it('publishes a due post exactly once, though two workers, its job sent twice and the sweep all try', async () => {
    const due = await Promise.all(['race-1', 'race-2', 'race-3'].map((slug) => schedulePost(slug, seconds(-1))));
    await Promise.all([
      ...due.flatMap((post) => [
        queuePublication(post),
        enqueue('publish-post', { postId: post.id, at: new Date().toISOString() }),
      ]),
      enqueue('sweep', {}),
    ]);
    await vi.waitFor(
      async () => {
        const rows = await db()
          .select({ status: posts.status })
          .from(posts)
          .where(
            inArray(
              posts.id,
              due.map((p) => p.id),
            ),
          );
        expect(rows.map((row) => row.status)).toEqual(['published', 'published', 'published']);
      },
      { timeout: 15_000 },
    );
    await vi.waitFor(
      () =>
        expect(refreshed.flatMap((change) => change.posts).filter((slug) => slug.startsWith('race-'))).toHaveLength(3),
      {
        timeout: 15_000,
      },
    );
    await settle();
    for (const slug of ['race-1', 'race-2', 'race-3']) expect(refreshesOf(slug)).toHaveLength(1);
  });

  it('sweeps up a post missed while the server was down', async () => {
    const missed = await schedulePost('missed-while-down', seconds(-3600));
    await enqueue('sweep', {}, { singletonKey: 'sweep' });
    await vi.waitFor(async () => expect(await statusOf(missed.id)).toBe('published'), { timeout: 15_000 });
    await vi.waitFor(() => expect(refreshesOf('missed-while-down')).toHaveLength(1), { timeout: 15_000 });
  });

  it('leaves alone a post unpublished before its time', async () => {
    const post = await schedulePost('withdrawn', seconds(1));
    await queuePublication(post);
    await db().update(posts).set({ status: 'draft', publishedAt: null }).where(eq(posts.id, post.id));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await statusOf(post.id)).toBe('draft');
  });
});

describe('ad windows on the job queue', () => {
  it('refreshes the pages that show ads when an ad ends', async () => {
    const [slot] = await db()
      .insert(adSlots)
      .values({ key: 's', name: 'S', placement: 'sidebar', width: 300, height: 250 })
      .returning();
    const endsAt = seconds(2);
    const [ad] = await db()
      .insert(ads)
      .values({
        slotId: slot.id,
        advertiser: 'A',
        imageUrl: '/a.png',
        altText: 'a',
        headline: 'h',
        targetUrl: 'https://example.com',
        startsAt: seconds(-60),
        endsAt,
      })
      .returning({ id: ads.id, startsAt: ads.startsAt, endsAt: ads.endsAt });
    const before = refreshed.filter((change) => change.ads).length;
    await queueAdWindows(ad);
    await vi.waitFor(() => expect(refreshed.filter((change) => change.ads)).toHaveLength(before + 1), {
      timeout: 15_000,
    });
    expect(refreshed.filter((change) => change.ads).at(-1)!.at).toBeGreaterThanOrEqual(endsAt.getTime());
  });
});
