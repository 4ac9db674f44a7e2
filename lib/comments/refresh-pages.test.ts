import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { posts } from '@/db/schema';
import { installFileSystemHandler } from '@/lib/cache/file-system-handler';
import { tags } from '@/lib/cache/tags';
import { postPath } from '@/lib/posts/permalink';
import { seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { refreshCommentPages } from './refresh-pages';

const db = useFreshDatabase('comment_refresh');

// Next's own record of revalidated tags, which its file-system cache reads (the copy the handler loads).
const { tagsManifest } = createRequire(path.join(process.cwd(), 'package.json'))(
  'next/dist/server/lib/incremental-cache/tags-manifest.external',
) as { tagsManifest: Map<string, { expired?: number }> };

// One stand-in server for Next's /api/scheduler and the caching proxy's refresh listener: it keeps what each asked.
let server: http.Server;
const asked: { scheduler: unknown[]; proxy: { path: string; at: number }[] } = { scheduler: [], proxy: [] };
let distDir: string;
const articles: { id: number; path: string }[] = [];
beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/api/scheduler') asked.scheduler.push(JSON.parse(Buffer.concat(chunks).toString()));
      else asked.proxy.push({ path: request.url!, at: performance.now() });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'comment-refresh-'));
  vi.stubEnv('SCHEDULER_URL', base);
  vi.stubEnv('CACHE_REFRESH_URL', base);
  vi.stubEnv('NEXT_DIST_DIR', distDir);
  await seedDemoContent(db());
  const newest = await db()
    .select({ id: posts.id, slug: posts.slug, publishedAt: posts.publishedAt })
    .from(posts)
    .where(eq(posts.status, 'published'))
    .orderBy(desc(posts.publishedAt))
    .limit(2);
  for (const post of newest)
    articles.push({ id: post.id, path: postPath({ slug: post.slug, publishedAt: post.publishedAt! }, 'UTC') });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(distDir, { recursive: true, force: true });
});

describe('refreshing the pages of a published comment', () => {
  it('asks Next through its own address while there is no page cache handler yet (Redis, before a request)', async () => {
    await refreshCommentPages(articles[0].id);
    expect(asked.scheduler).toEqual([{ comments: [articles[0].id] }]);
  });

  it('then marks them stale in this process, and asks the proxy for them together, again two seconds later', async () => {
    asked.scheduler.length = 0;
    installFileSystemHandler();
    const [first, second] = articles;
    const before = Date.now();
    await refreshCommentPages(first.id);
    // Stale before the commenter is answered, without a request through Next.
    expect(tagsManifest.get(tags.comments(first.id))?.expired).toBeGreaterThanOrEqual(before);
    expect(asked.scheduler).toEqual([]);
    await expect.poll(() => asked.proxy.length).toBe(2);
    // Published while the first one's second pass is pending: they wait for it and go together.
    await refreshCommentPages(second.id);
    await refreshCommentPages(first.id);
    expect(tagsManifest.get(tags.comments(second.id))?.expired).toBeGreaterThanOrEqual(before);
    await expect.poll(() => asked.proxy.length, { timeout: 10_000 }).toBe(2 + 2 + 3 + 3);
    const paths = asked.proxy.map((request) => request.path);
    expect(paths.slice(0, 4).sort()).toEqual(['/', '/', first.path, first.path].sort());
    expect(paths.slice(4).sort()).toEqual(['/', '/', first.path, first.path, second.path, second.path].sort());
    // The second pass comes two seconds after each first.
    expect(asked.proxy[2].at - asked.proxy[0].at).toBeGreaterThanOrEqual(1900);
    expect(asked.proxy[8].at - asked.proxy[4].at).toBeGreaterThanOrEqual(1900);
  });
});
