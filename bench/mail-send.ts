/**
 * Sending a story to 10,000 followers into a local SMTP sink (smtp-server on loopback, keeping nothing): mails per
 * second with the rate setting off, and the process's RSS during the send above its RSS before it.
 *   node --conditions=react-server --expose-gc --import tsx bench/mail-send.ts [followers]
 * Budgets (issue #28): ≥ 100 mails/s; RSS ≤ 50 MB above idle, flat. The sink runs in a process of its own
 * (bench/mail-sink.ts), so the RSS is the sender's alone; it shares the machine's cores with it.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { posts, subscribers, users } from '@/db/schema';
import { closeDb, getDb, migrate } from '@/lib/db';
import { env } from '@/lib/env';
import { closeMailPool } from '@/lib/mail';
import { sendPostToFollowers } from '@/lib/subscribers/send';

const followers = Number(process.argv[2] ?? 10_000);
const created = await freshDatabaseEnv(`bench_mail_${process.pid}`, env().DATABASE_URL);
Object.assign(process.env, created, { AUTH_SECRET: process.env.AUTH_SECRET || 'bench-only-secret' });
try {
  await migrate();
  const db = await getDb();
  const [author] = await db
    .insert(users)
    .values({ email: 'bench@example.com', name: 'Bench Writer', slug: 'bench-writer' })
    .returning({ id: users.id });
  const [post] = await db
    .insert(posts)
    .values({
      title: 'A story for ten thousand inboxes',
      slug: 'ten-thousand',
      excerpt: 'What the harbour council decided last night, and what it means for the ferry.',
      bodyHtml: '<p>The council met.</p>'.repeat(20),
      status: 'published',
      publishedAt: new Date(),
      authorId: author.id,
    })
    .returning({ id: posts.id });
  for (let from = 0; from < followers; from += 1000)
    await db.insert(subscribers).values(
      Array.from({ length: Math.min(1000, followers - from) }, (_, i) => ({
        email: `reader${from + i}@example.com`,
        status: 'confirmed' as const,
      })),
    );
  const sink = fork('bench/mail-sink.ts', {
    execArgv: ['--conditions=react-server', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const fromSink = <T>() => new Promise<T>((resolve) => sink.once('message', (message) => resolve(message as T)));
  process.env.SMTP_URL = (await fromSink<{ url: string }>()).url;

  // V8 gives back what a collection freed (array buffers, WebAssembly compilation memory) after it, in the
  // background: on PGlite the RSS right after gc() was still 220 MB above where it settled 2 s later.
  let idle = Infinity;
  for (let settled = false, round = 0; !settled && round < 10; round++) {
    global.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rss = process.memoryUsage().rss;
    settled = idle - rss < 2 ** 20;
    idle = Math.min(idle, rss);
  }
  // The RSS every 50 ms, with when: the peak of each half of the send says whether it grows with the mails sent.
  const samples: { at: number; rss: number }[] = [];
  const started = performance.now();
  const sampler = setInterval(
    () => samples.push({ at: performance.now() - started, rss: process.memoryUsage().rss }),
    50,
  );
  const report = await sendPostToFollowers(db, post.id);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sink.send('count');
  const { received } = await fromSink<{ received: number }>();
  const aboveIdleMB = (from: number, to: number) =>
    Math.round(
      (Math.max(idle, ...samples.filter((s) => s.at >= from && s.at < to).map((s) => s.rss)) - idle) / 2 ** 20,
    );

  const result = {
    followers,
    sent: report.sent,
    received,
    seconds: Number(seconds.toFixed(1)),
    mailsPerSecond: Math.round(report.sent / seconds),
    rssIdleMB: Math.round(idle / 2 ** 20),
    rssAboveIdleMB: aboveIdleMB(0, Infinity),
    rssAboveIdleFirstHalfMB: aboveIdleMB(0, (seconds * 1000) / 2),
    rssAboveIdleSecondHalfMB: aboveIdleMB((seconds * 1000) / 2, Infinity),
    driver: env().DATABASE_URL ? 'postgresql' : 'pglite',
  };
  console.log(JSON.stringify(result, null, 2));
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/mail-send.json', JSON.stringify(result, null, 2) + '\n');
  closeMailPool();
  sink.send('close');
  await new Promise((resolve) => sink.once('exit', resolve));
} finally {
  await closeDb();
  if (created.DATABASE_URL) await dropDatabase(created.DATABASE_URL);
  if (created.PGLITE_DIR) fs.rmSync(created.PGLITE_DIR, { recursive: true, force: true });
}
