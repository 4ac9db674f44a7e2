/**
 * The import's figures: a generated WXR (BENCH_IMPORT_POSTS posts, default 10,000, each with BENCH_IMPORT_COMMENTS
 * comments, default 5, every other one a reply) imported into a fresh database of the chosen driver, without media:
 * wall time and peak RSS, against the budgets of #26 (60 s, 400 MB). Then the WXR export of the same site.
 *   npx tsx --conditions=react-server bench/import.ts   (DATABASE_URL=postgres://… for PostgreSQL)
 * It runs itself again with the node flags of `npm run import` (scripts/import-flags.ts), so that it measures the
 * import as it is run; BENCH_IMPORT_FLAGS=off measures it without them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, freshDatabaseEnv } from '@/db/fresh-database';
import { closeDb, getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { writeWxr } from '@/lib/export/wxr';
import { importExport } from '@/lib/import/run-import';
import { describeSummary } from '@/lib/import/summary';
import { importMemoryFlags, importNodeArgs } from '../scripts/import-flags';

if (process.env.BENCH_IMPORT_FLAGS !== 'off' && !importMemoryFlags().every((flag) => process.execArgv.includes(flag))) {
  const again = spawnSync(process.execPath, [...importNodeArgs(), process.argv[1]], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

const postCount = Number(process.env.BENCH_IMPORT_POSTS ?? 10_000);
const commentsPerPost = Number(process.env.BENCH_IMPORT_COMMENTS ?? 5);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
const file = path.join(folder, 'site.xml');

function generate(): void {
  const out = fs.openSync(file, 'w');
  const write = (text: string) => fs.writeSync(out, text);
  write(
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/" ' +
      'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"><channel><title>Bench</title>' +
      '<wp:base_site_url>https://bench.example</wp:base_site_url>' +
      '<wp:author><wp:author_login>w</wp:author_login><wp:author_email>w@bench.example</wp:author_email><wp:author_display_name>W</wp:author_display_name></wp:author>' +
      '<wp:category><wp:category_nicename>news</wp:category_nicename><wp:cat_name>News</wp:cat_name></wp:category>',
  );
  let commentId = 1;
  for (let id = 1; id <= postCount; id++) {
    const day = new Date(Date.UTC(2015, 0, 1) + id * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    let comments = '';
    for (let c = 0; c < commentsPerPost; c++, commentId++) {
      const parent = c % 2 === 1 ? commentId - 1 : 0;
      comments +=
        `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>Reader ${c}</wp:comment_author>` +
        `<wp:comment_date_gmt>${day}</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment ${commentId} on post ${id}.]]></wp:comment_content>` +
        `<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    }
    write(
      `<item><title>Post ${id}</title><link>https://bench.example/2015/01/01/post-${id}/</link><dc:creator>w</dc:creator>` +
        `<content:encoded><![CDATA[<p>${'Words of the bench post. '.repeat(40)}</p><p><a href="https://bench.example/2015/01/01/post-${Math.max(1, id - 1)}/">before</a></p>]]></content:encoded>` +
        `<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>${day}</wp:post_date_gmt>` +
        `<wp:post_name>post-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>` +
        `<category domain="category" nicename="news">News</category>${comments}</item>`,
    );
  }
  write('</channel></rss>');
  fs.closeSync(out);
}

generate();
const created = await freshDatabaseEnv('bench_import', env().DATABASE_URL);
// Created and migrated by a process of its own, as a site's database is before anyone imports into it: a new PGlite
// folder's initdb grows the WASM memory by some 450 MB for the life of the process, which would be read as the
// import's peak (1.2 GB for a 10-post file).
execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/migrate.ts'], {
  env: { ...process.env, ...created },
  stdio: 'ignore',
});
Object.assign(process.env, created);
try {
  const db = await getDb();
  const started = performance.now();
  const phases: string[] = [];
  let phase = '';
  const summary = await importExport(db, file, {
    media: false,
    progress: async (progress) => {
      if (progress.phase !== phase)
        phases.push(`${progress.phase} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
      phase = progress.phase;
    },
  });
  console.log(phases.join(', '));
  const seconds = (performance.now() - started) / 1000;
  const exportStarted = performance.now();
  const exported = path.join(folder, 'export.xml');
  const out = fs.createWriteStream(exported);
  await writeWxr(db, 'https://bench.example', async (chunk) => void out.write(chunk));
  await new Promise((resolve) => out.end(resolve));
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const driver = created.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  console.log(describeSummary(summary));
  console.log(
    `${driver}: ${postCount} posts, ${postCount * commentsPerPost} comments (${(fs.statSync(file).size / 1e6).toFixed(1)} MB): ` +
      `import ${seconds.toFixed(1)} s (budget 60), peak RSS ${rssMb.toFixed(0)} MB (budget 400); ` +
      `export ${exportSeconds.toFixed(1)} s, ${(fs.statSync(exported).size / 1e6).toFixed(1)} MB`,
  );
} finally {
  await closeDb();
  if (created.DATABASE_URL) await dropDatabase(created.DATABASE_URL);
  if (created.PGLITE_DIR) fs.rmSync(created.PGLITE_DIR, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
}
