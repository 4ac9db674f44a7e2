import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { postComment } from '../e2e/comment-post';
import { request, runLoad } from './load';
import { record } from './report';

type Storm = { name: string; send: (i: number) => Promise<{ ok: boolean; ms: number }> };

/** One address for the whole storm, as one stranger's machine would have (the bench's server trusts the header). */
const stranger = { 'x-forwarded-for': '198.51.100.7' };
const MB = 1024 * 1024;

/**
 * Disk growth after a storm of anonymous requests of each kind that once stored something per request: addresses
 * that redirect to an article's permalink, listings with no posts (made-up months and years, pages past the end),
 * comments caught by the honeypot, and comments refused without JavaScript (kept as drafts). Each storm runs
 * BENCH_STORM_SECONDS (60) from 20 connections; the database (its folder on PGlite, its size on PostgreSQL) and the
 * page cache (server/route-cache and cache/fetch-cache) are measured before and after. Budget: under 1 MB each.
 */
export async function measureStorms({
  base,
  distDir,
  articlePath,
}: {
  base: string;
  distDir: string;
  articlePath: string;
}) {
  const seconds = Number(process.env.BENCH_STORM_SECONDS ?? 60);
  const slug = articlePath.split('/').pop()!;
  const articleHtml = (await request(base + articlePath)).body;
  const postId = /name="postId" value="(\d+)"/.exec(articleHtml)![1];
  const get = (address: string, status: number) => async () => {
    const answer = await request(base + address, { headers: stranger });
    return { ok: answer.status === status, ms: answer.ms };
  };
  const emptyListing = (i: number) =>
    [
      `/${1000 + (i % 8000)}/${String((i % 12) + 1).padStart(2, '0')}`,
      `/archive/${1000 + (i % 8000)}`,
      `/page/${500 + i}`,
    ][i % 3];
  const storms: Storm[] = [
    { name: 'redirect addresses', send: (i) => get(`/${i}/${i}/${slug}`, 301)() },
    { name: 'empty listings', send: (i) => get(emptyListing(i), 404)() },
    {
      name: 'honeypot comments',
      send: async (i) => {
        const started = performance.now();
        const answer = await postComment(
          base,
          { postId, name: `Bot ${i}`, email: '', body: `Cheap pills ${i}`, website: 'https://spam.example' },
          { headers: stranger },
        );
        return { ok: answer.status === 200, ms: performance.now() - started };
      },
    },
    {
      name: 'comment drafts (no JavaScript)',
      send: (i) => refusedWithoutJavaScript(base, articlePath, articleHtml, i),
    },
  ];
  for (const storm of storms) {
    const before = { database: await databaseBytes(), cache: pageCacheBytes(distDir) };
    const load = await runLoad(20, seconds, storm.send);
    // Next writes its cache after it answers, and the database its pages shortly after a write.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const growth = {
      database: ((await databaseBytes()) - before.database) / MB,
      cache: (pageCacheBytes(distDir) - before.cache) / MB,
    };
    console.log(`  ${storm.name}: ${load.requests} requests, ${load.ok} answered as expected`);
    for (const [what, grown] of Object.entries(growth))
      record({
        figure: `disk growth after a ${seconds}-second storm of ${storm.name}: ${what === 'cache' ? 'page cache' : 'database'}`,
        value: grown,
        unit: 'MB',
        budget: '< 1 MB',
        pass: grown < 1,
      });
  }
}

/**
 * A comment form sent without JavaScript, as a browser sends it: the form's own hidden fields and an empty comment,
 * which is refused and kept as a draft.
 */
async function refusedWithoutJavaScript(base: string, articlePath: string, articleHtml: string, i: number) {
  const field = articleHtml.indexOf('name="postId"');
  const form = articleHtml.slice(articleHtml.lastIndexOf('<form', field), articleHtml.indexOf('</form>', field));
  const fields: Record<string, string> = {};
  for (const [, name, value = ''] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
    fields[name] = value.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const started = performance.now();
  const answer = await postComment(
    base,
    { ...fields, name: `Stranger ${i}`, body: '' },
    { headers: stranger, json: false },
  );
  return { ok: answer.status === 303, ms: performance.now() - started };
}

async function databaseBytes(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) return folderBytes(process.env.PGLITE_DIR!);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ bytes }] = await sql<{ bytes: string }[]>`select pg_database_size(current_database()) as bytes`;
    return Number(bytes);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const pageCacheBytes = (distDir: string) =>
  folderBytes(path.join(distDir, 'server', 'route-cache')) + folderBytes(path.join(distDir, 'cache', 'fetch-cache'));

function folderBytes(folder: string): number {
  if (!fs.existsSync(folder)) return 0;
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}
