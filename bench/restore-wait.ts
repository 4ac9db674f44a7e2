/**
 * How long a reader waits while our archive is restored (#26). A site of BENCH_RESTORE_POSTS published posts
 * (default 10,000) with BENCH_RESTORE_COMMENTS comments each (default 5, every other one a reply), on top of the
 * demo newsroom, is exported as our archive; a fresh database of the same driver then restores it while a reader
 * asks the home page's question (the newest posts) again and again, 10 ms apart, in the same process, as the
 * server's import job and its pages share one process and (on PGlite) one connection. Prints the restore's time and
 * the reader's waits: median, p99 and the longest.
 *   npx tsx --conditions=react-server bench/restore-wait.ts   (DATABASE_URL=postgres://… for PostgreSQL)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { count, sql } from 'drizzle-orm';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { listPublishedPosts } from '@/db/queries/posts';
import { comments } from '@/db/schema';
import { closeDb, getDb, migrate } from '@/lib/db';
import { env } from '@/lib/env';
import { archiveStream } from '@/lib/export/archive';
import { restoreArchive } from '@/lib/export/archive-restore';
import { seedDemoAccounts, seedDemoContent } from '@/lib/seed/demo';
import { storage } from '@/lib/storage';

const postCount = Number(process.env.BENCH_RESTORE_POSTS ?? 10_000);
const commentsPerPost = Number(process.env.BENCH_RESTORE_COMMENTS ?? 5);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-restore-'));
const file = path.join(folder, 'site.tar.gz');
process.env.AUTH_SECRET ??= 'bench-restore-wait-only';
process.env.STORAGE = 'disk';
process.env.UPLOADS_DIR = path.join(folder, 'uploads');

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
};

/** The site to export: the demo newsroom, then posts and comments made by the database in a few statements. */
async function makeSite(): Promise<void> {
  const db = await getDb();
  await seedDemoContent(db);
  await seedDemoAccounts(db);
  const body = `<p>${'Words of the bench post, in a paragraph long enough to be a real one. '.repeat(14)}</p>`;
  await db.execute(sql`
    with authors as (select array_agg(id order by email) as ids from users where role in ('editor', 'author'))
    insert into posts (title, slug, excerpt, body_html, status, published_at, author_id, created_at, updated_at)
    select 'Bench report ' || g, 'bench-report-' || g, 'Report ' || g, ${body}, 'published', d,
      authors.ids[1 + g % array_length(authors.ids, 1)], d, d
    from generate_series(1, ${postCount}) as g, authors,
      lateral (select now() - interval '60 days' - g * interval '6 hours' as d) as dates`);
  await db.execute(sql`
    insert into post_labels (post_id, label_id)
    select posts.id, (select min(id) from labels) from posts where posts.slug like 'bench-report-%'`);
  // Top-level comments first, then a reply to each of every other one (ids grow, as the export needs).
  await db.execute(sql`
    insert into comments (post_id, author_name, body, status, created_at)
    select posts.id, 'Reader ' || c, 'Comment ' || c || ' on ' || posts.slug || '.', 'approved',
      posts.published_at + c * interval '1 minute'
    from posts, generate_series(1, ${Math.ceil(commentsPerPost / 2)}) as c
    where posts.slug like 'bench-report-%'`);
  await db.execute(sql`
    insert into comments (post_id, parent_id, author_name, body, status, created_at)
    select post_id, id, 'Replier', 'A reply to ' || author_name || '.', 'approved', created_at + interval '30 seconds'
    from comments where author_name like 'Reader %'
      and split_part(author_name, ' ', 2)::int <= ${Math.floor(commentsPerPost / 2)}`);
}

const source = await freshDatabaseEnv('bench_restore_source', env().DATABASE_URL);
const target = await freshDatabaseEnv('bench_restore_target', env().DATABASE_URL);
const switchTo = async (vars: { DATABASE_URL?: string; PGLITE_DIR?: string }) => {
  await closeDb();
  delete process.env.DATABASE_URL;
  delete process.env.PGLITE_DIR;
  Object.assign(process.env, vars);
};
try {
  await switchTo(source);
  await migrate();
  await makeSite();
  const db = await getDb();
  const [{ n: commentCount }] = await db.select({ n: count() }).from(comments);
  await pipeline(archiveStream(db, await storage(), 'https://bench.example'), fs.createWriteStream(file));
  const sizeMb = fs.statSync(file).size / 1e6;

  await switchTo(target);
  await migrate();
  const restoring = await getDb();
  // The reader's question once before, so that its first answer does not count the query's preparation.
  await listPublishedPosts(restoring, { limit: 10 });
  const waits: number[] = [];
  let done = false;
  const reader = (async () => {
    while (!done) {
      const asked = performance.now();
      await listPublishedPosts(restoring, { limit: 10 });
      waits.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const started = performance.now();
  const summary = await restoreArchive(restoring, file, { media: false });
  const seconds = (performance.now() - started) / 1000;
  done = true;
  await reader;
  const driver = source.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  console.log(
    `${driver}: restored ${summary.created.posts} posts and ${summary.created.comments} comments ` +
      `(archive of ${postCount} bench posts, ${commentCount} comments, ${sizeMb.toFixed(2)} MB) in ${seconds.toFixed(1)} s; ` +
      `a reader asked ${waits.length} times meanwhile and waited p50 ${percentile(waits, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(waits, 99).toFixed(0)} ms, longest ${Math.max(...waits).toFixed(0)} ms`,
  );
} finally {
  await closeDb();
  for (const vars of [source, target]) {
    if (vars.DATABASE_URL) await dropDatabase(vars.DATABASE_URL);
    if (vars.PGLITE_DIR) fs.rmSync(vars.PGLITE_DIR, { recursive: true, force: true });
  }
  fs.rmSync(folder, { recursive: true, force: true });
}
