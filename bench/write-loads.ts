/**
 * The write loads of issue 29 against a running server: comment submissions from 50 clients, then ad impression
 * beacons from 200, 10 s each, every client from a network of its own (the per-network comment limit is 5, and a
 * beacon counts once per visitor). `round` keeps a second run in the same process on networks of its own.
 */
import fs from 'node:fs';
import { postComment } from '../e2e/comment-post';
import { adBeacon, request, runLoad, type LoadResult } from './load';

export type WriteLoads = { comments: LoadResult; beacons: LoadResult };

export async function runWriteLoads(
  { base, articlePath, adId }: { base: string; articlePath: string; adId: number },
  round: number,
): Promise<WriteLoads> {
  const articleHtml = (await request(base + articlePath)).body;
  const postId = /name="postId" value="(\d+)"/.exec(articleHtml)![1];
  const { token } = JSON.parse((await request(`${base}/api/comments/token`)).body) as { token: string };
  // The stamp must be older than the site's least time to write a comment (3 s in the demo).
  await new Promise((resolve) => setTimeout(resolve, 3100));
  // Posted as the form's script posts them.
  const comments = await runLoad(50, 10, async (i) => {
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
  const beacons = await runLoad(200, 10, (i) => adBeacon(base, adId, i, 170 + round));
  return { comments, beacons };
}

/** A process's resident memory, in MB, from /proc. */
export function rssOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}
