/**
 * The write loads of issue 29 against a running server: comment submissions from 50 clients, then ad impression
 * beacons from 200, `seconds` each, every client from a network of its own (the per-network comment limit is 5, and
 * a beacon counts once per visitor). `round` keeps each run in the same process on networks of its own.
 */
import fs from 'node:fs';
import { and, count, inArray, like } from 'drizzle-orm';
import { comments } from '@/db/schema';
import { getDb } from '@/lib/db';
import { postComment } from '../e2e/comment-post';
import { sessionCookie } from '../e2e/server-actions';
import { storedImpressions } from './kill';
import { adBeacon, request, runLoad, type LoadResult } from './load';
import { record } from './report';

export type WriteLoads = { comments: LoadResult; published: LoadResult; beacons: LoadResult };

export async function runWriteLoads(
  { base, articlePath, adId }: { base: string; articlePath: string; adId: number },
  round: number,
  seconds = 10,
): Promise<WriteLoads> {
  const articleHtml = (await request(base + articlePath)).body;
  const postId = /name="postId" value="(\d+)"/.exec(articleHtml)![1];
  const { token } = JSON.parse((await request(`${base}/api/comments/token`)).body) as { token: string };
  // The stamp must be older than the site's least time to write a comment (3 s in the demo).
  await new Promise((resolve) => setTimeout(resolve, 3100));
  // Posted as the form's script posts them.
  const comments = await runLoad(50, seconds, async (i) => {
    const started = performance.now();
    const answer = await postComment(
      base,
      {
        postId,
        name: `Bench reader ${i}`,
        email: '',
        body: `bench-comment ${round}.${i} about the harbour wall`,
        token,
      },
      { headers: { 'x-forwarded-for': `${10 + round}.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } },
    );
    return { ok: answer.status === 200 && answer.text.includes('"status":"ok"'), ms: performance.now() - started };
  });
  // Published at once, as a staff member's are (or anyone's on a post that publishes without moderation): each one
  // refreshes the article's pages before it is answered, and the next visit renders the article again.
  const cookie = await sessionCookie(base, 'editor@broadsheet.test');
  const published = await runLoad(50, seconds, async (i) => {
    const started = performance.now();
    const answer = await postComment(
      base,
      { postId, name: '', email: '', body: `bench-comment ${round}.published.${i} from the newsroom`, token: '' },
      { cookie, headers: { 'x-forwarded-for': `${20 + round}.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } },
    );
    return { ok: answer.status === 200 && answer.text.includes('"published":true'), ms: performance.now() - started };
  });
  // The article as its next reader gets it, rendered again with the comments of the rush.
  await request(base + articlePath);
  const beacons = await runLoad(200, seconds, (i) => adBeacon(base, adId, i, 170 + round));
  return { comments, published, beacons };
}

/** A process's resident memory, in MB, from /proc. */
export function rssOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/**
 * The server's RSS once it is idle: what it keeps, not what the last load was using. V8 keeps the pages a load's
 * collections freed, for reuse, until its memory reducer runs (8–16 s after the allocation rate falls, if a major
 * collection started it), and the server collects once it has been idle for 30 s (lib/idle-memory.ts; FINDINGS.md,
 * "Memory after a rush"). So the RSS is read every 500 ms until it has not fallen by more than 1 MB for 45 s, or
 * for at most 90 s.
 */
async function idleRssOf(pid: number): Promise<number> {
  const started = performance.now();
  let rss = rssOf(pid);
  let lastFall = started;
  while (performance.now() - lastFall < 45_000 && performance.now() - started < 90_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = rssOf(pid);
    if (now < rss - 1) lastFall = performance.now();
    rss = now;
  }
  return rss;
}

/** Issue 29's budgets for each load. */
const budgets = [
  // Twice the 45/s of the day.
  {
    load: 'comments',
    rate: 'comments accepted per second (50 clients, 10 s)',
    p99: 'comment submission p99',
    minRate: 90,
    maxP99: 500,
  },
  // The same budget for comments published at once, which refresh the article's pages before their answer.
  {
    load: 'published',
    rate: 'published comments accepted per second (staff, 50 clients, 10 s)',
    p99: 'published comment p99',
    minRate: 90,
    maxP99: 500,
  },
  // Ten times the 179/s a beacon made when each one wrote to the database.
  {
    load: 'beacons',
    rate: 'ad beacons per second (200 clients, 10 s)',
    p99: 'ad beacon p99',
    minRate: 1790,
    maxP99: 100,
  },
] as const;

/** What the loads were answered: set against what the database holds once the server has stopped. */
export type Answered = { driver: string; adId: number; beacons: number; comments: number };

/**
 * A warm-up and two rounds of the write loads against the server `pid` serves at `base`, with issue 29's budgets:
 * rates and p99s, and the server's memory before the loads, after them, and after the second round: idle, and
 * (without budgets) right after each round.
 */
export async function measureWriteLoads(
  { base, articlePath, pid }: { base: string; articlePath: string; pid: number },
  driver: string,
): Promise<Answered> {
  const adId = Number(/data-ad="(\d+)"/.exec((await request(base + articlePath)).body)![1]);
  const idleRss = await idleRssOf(pid);
  // A server that has just started runs the write routes' code for the first time, and the 50 comments that come
  // in the same millisecond at the start of a round wait for each other while it does: they were the whole top 1 %
  // of a first round (bench/FINDINGS.md, "The first round: a cold start"). So, as every other load here, the
  // budgeted rounds come after a warm-up (2 s of each load), whose p99s are printed too: on a server started for
  // the loads (`BENCH_PARTS=none`, or PGlite's beside PostgreSQL), what a restart in the middle of a rush meets.
  const warmUp = await runWriteLoads({ base, articlePath, adId }, 0, 2);
  for (const budget of budgets) {
    const figure = `${budget.p99}, warm-up (the first 2 s of each load), ${driver}`;
    record({ figure, value: warmUp[budget.load].p99, unit: 'ms' });
  }
  const first = await runWriteLoads({ base, articlePath, adId }, 1);
  for (const budget of budgets) {
    const { perSecond, p99 } = first[budget.load];
    const rate = `${budget.minRate.toLocaleString('en')}/s`;
    const figure = { figure: `${budget.rate}, ${driver}`, value: perSecond, unit: 'req/s', budget: `≥ ${rate}` };
    record({ ...figure, pass: perSecond >= budget.minRate });
    const latency = { figure: `${budget.p99}, ${driver}`, value: p99, unit: 'ms', budget: `≤ ${budget.maxP99} ms` };
    record({ ...latency, pass: p99 <= budget.maxP99 });
  }

  const rssRightAfter = rssOf(pid);
  const rss = await idleRssOf(pid);
  record({ figure: `server memory (RSS) before the write loads, idle, ${driver}`, value: idleRss, unit: 'MB' });
  record({ figure: `server memory (RSS) right after the write loads, ${driver}`, value: rssRightAfter, unit: 'MB' });
  // Issue 29's budget for a small VPS: what the server keeps once the rush is over.
  record({
    figure: `server memory (RSS) after the write loads, idle, ${driver}`,
    value: rss,
    unit: 'MB',
    budget: '≤ 300 MB',
    pass: rss <= 300,
  });
  const second = await runWriteLoads({ base, articlePath, adId }, 2);
  const secondRssRightAfter = rssOf(pid);
  const secondRss = await idleRssOf(pid);
  record({ figure: `comments per second, second run, ${driver}`, value: second.comments.perSecond, unit: 'req/s' });
  record({ figure: `comment submission p99, second run, ${driver}`, value: second.comments.p99, unit: 'ms' });
  record({
    figure: `published comments per second, second run, ${driver}`,
    value: second.published.perSecond,
    unit: 'req/s',
  });
  record({ figure: `published comment p99, second run, ${driver}`, value: second.published.p99, unit: 'ms' });
  record({ figure: `ad beacons per second, second run, ${driver}`, value: second.beacons.perSecond, unit: 'req/s' });
  record({ figure: `ad beacon p99, second run, ${driver}`, value: second.beacons.p99, unit: 'ms' });
  record({
    figure: `server memory (RSS) right after a second run, ${driver}`,
    value: secondRssRightAfter,
    unit: 'MB',
  });
  // No growth: a second run in the same process may reuse the memory the first left, not add to it (10 % of noise).
  record({
    figure: `server memory (RSS) after a second run, idle, ${driver}`,
    value: secondRss,
    unit: 'MB',
    budget: '≤ first × 1.1',
    pass: secondRss <= rss * 1.1,
  });
  const rounds = [warmUp, first, second];
  return {
    driver,
    adId,
    beacons: rounds.reduce((sum, round) => sum + round.beacons.ok, 0),
    comments: rounds.reduce((sum, round) => sum + round.comments.ok + round.published.ok, 0),
  };
}

/** Once the server has stopped (a graceful stop flushes its counts): what was answered is what is stored. */
export async function recordStored({ driver, adId, beacons, comments: accepted }: Answered): Promise<void> {
  const db = await getDb();
  const [{ stored }] = await db
    .select({ stored: count() })
    .from(comments)
    .where(and(like(comments.body, 'bench-comment %'), inArray(comments.status, ['pending', 'approved'])));
  // Reads on the same connection, then closes it: the next server may hold PGlite.
  const impressions = await storedImpressions(adId);
  record({ figure: `ad beacons answered, ${driver}`, value: beacons, unit: '' });
  record({
    figure: `impressions stored, ${driver}`,
    value: impressions,
    unit: '',
    budget: '= answered',
    pass: impressions === beacons,
  });
  record({ figure: `comments answered as accepted, ${driver}`, value: accepted, unit: '' });
  record({
    figure: `comments stored, ${driver}`,
    value: Number(stored),
    unit: '',
    budget: '= accepted',
    pass: Number(stored) === accepted,
  });
}
