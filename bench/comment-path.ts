/**
 * Where a comment's submission spends its time in the database, apart from Next: `submitComment` (the whole path
 * after the form is parsed: the reads of rules, limits, duplicates and first-timers, the insert and the limit's
 * slots) called in-process on a fresh database with the demo newsroom, one at a time (the latency floor) and 50 at
 * once (what a rush queues behind), then one at a time again on a post with 20,000 comments that day. Each comment
 * from a network and an address of its own, so no limit refuses it.
 * `npm run bench` measures it on PGlite and, with DATABASE_URL set, on PostgreSQL too, side by side. Alone:
 *   npx tsx --conditions=react-server bench/comment-path.ts            # PGlite
 *   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/comment-path.ts
 */
import fs from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { migrateDatabase } from '@/db/migrate';
import { posts } from '@/db/schema';
import { issueFormToken } from '@/lib/comments/form-token';
import { commentFormSchema, submitComment } from '@/lib/comments/submit';
import { seedDemoContent } from '@/lib/seed/demo';
import { record } from './report';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const BUSY_DAY_COMMENTS = 20_000;
const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)];

/** On a database of its own (a PGlite folder, or one on the `serverUrl` server), dropped at the end. */
export async function measureCommentPath(serverUrl: string | undefined): Promise<void> {
  const made = await freshDatabaseEnv(`bench_comment_path_${process.pid}`, serverUrl);
  const connection = await openDatabase({ url: made.DATABASE_URL, pgliteDir: made.PGLITE_DIR ?? '', building: false });
  const { db } = connection;
  try {
    await migrateDatabase(db, made.DATABASE_URL);
    await seedDemoContent(db);
    const [{ id: postId }] = await db.select({ id: posts.id }).from(posts).where(eq(posts.status, 'published'));
    let n = 0;
    const submitOne = async (): Promise<number> => {
      const i = ++n;
      const form = commentFormSchema.parse({
        postId: String(postId),
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        body: `Comment number ${i} on the harbour wall`,
        token: issueFormToken(Date.now() - 10_000),
      });
      const started = performance.now();
      const result = await submitComment(db, form, { ipHash: `bench-ip-${i}`, staff: null, now: new Date() });
      if (!result.ok) throw new Error(`comment ${i} refused: ${result.message}`);
      return performance.now() - started;
    };

    for (let i = 0; i < 50; i++) await submitOne(); // warm-up
    const alone: number[] = [];
    for (let i = 0; i < 300; i++) alone.push(await submitOne());
    const rush: number[] = [];
    const started = performance.now();
    for (let round = 0; round < 6; round++) rush.push(...(await Promise.all(Array.from({ length: 50 }, submitOne))));
    const perSecond = rush.length / ((performance.now() - started) / 1000);

    // A viral story's day: 20,000 more comments on the post from other readers; each new one still checks for
    // duplicates and limits, which must not read them all.
    await db.execute(sql`insert into comments (post_id, author_name, body, status, ip_hash, created_at)
      select ${postId}, 'Reader ' || i, 'Another view of the harbour wall, number ' || i, 'pending', 'busy-ip-' || i,
        now() - make_interval(secs => i * 4)
      from generate_series(1, ${BUSY_DAY_COMMENTS}) as i`);
    const busy: number[] = [];
    for (let i = 0; i < 300; i++) busy.push(await submitOne());

    const driver = made.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    record({ figure: `comment path in-process, one at a time p50, ${driver}`, value: median(alone), unit: 'ms' });
    record({ figure: `comment path in-process, 50 at once, ${driver}`, value: perSecond, unit: 'req/s' });
    record({ figure: `comment path in-process, 50 at once p99, ${driver}`, value: p99(rush), unit: 'ms' });
    record({
      figure: `comment path in-process, one at a time p50 after 20,000 that day, ${driver}`,
      value: median(busy),
      unit: 'ms',
    });
  } finally {
    await connection.close();
    if (made.DATABASE_URL) await dropDatabase(made.DATABASE_URL);
    if (made.PGLITE_DIR) fs.rmSync(made.PGLITE_DIR, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { finishReport } = await import('./report');
  await measureCommentPath(process.env.DATABASE_URL);
  process.exit(finishReport() ? 0 : 1);
}
