import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import { installFileSystemHandler, ROOT_LAYOUT_TAG } from './file-system-handler';

let distDir: string;
beforeEach(() => {
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-system-handler-'));
  vi.stubEnv('NEXT_DIST_DIR', distDir);
});
afterEach(() => {
  fs.rmSync(distDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

type Cache = Pick<FileSystemCache, 'get' | 'set'>;
/** A handler as Next builds one for a request. */
const cacheOf = (Class: new (ctx: never) => Cache): Cache =>
  new Class({
    fs: nodeFs,
    serverDistDir: path.join(distDir, 'server'),
    flushToDisk: true,
    revalidatedTags: [],
  } as never);
/** The feed as Next stores a route's answer, tagged as Next tags it. */
const feed = (body: string) => ({
  kind: 'APP_ROUTE',
  body: Buffer.from(body),
  status: 200,
  headers: { 'x-next-cache-tags': `${ROOT_LAYOUT_TAG},_N_T_/feed.xml,posts` },
});
const store = (cache: Cache, body: string) =>
  cache.set('/feed.xml', feed(body) as never, { cacheControl: { revalidate: false, expire: undefined } } as never);
const read = async (cache: Cache) => {
  const found = await cache.get('/feed.xml', { kind: 'APP_ROUTE', isFallback: false } as never);
  return found?.value && 'body' in found.value ? String(found.value.body) : null;
};

/** Next dates an entry on disk by its file's mtime, which the kernel's coarser clock sets (a few ms per tick). */
const aFewTicksOfTheFileClock = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('the file-system page cache after a restart', () => {
  it('keeps the build’s pages at the first start, and renders again what was stored before a restart', async () => {
    const slot = () =>
      (globalThis as Record<symbol, { FetchCache: new (ctx: never) => Cache }>)[Symbol.for('@next/cache-handlers')];
    // The build: its BUILD_ID, and a route's answer it stored, through Next's own class.
    fs.mkdirSync(distDir, { recursive: true });
    fs.writeFileSync(path.join(distDir, 'BUILD_ID'), 'build-1');
    await store(cacheOf(FileSystemCache as never), 'the feed the build rendered');
    await aFewTicksOfTheFileClock();

    // The first start serves it: it was rendered from the database moments ago.
    installFileSystemHandler();
    expect(await read(cacheOf(slot().FetchCache))).toBe('the feed the build rendered');
    await store(cacheOf(slot().FetchCache), 'the feed before the restart');
    await aFewTicksOfTheFileClock();

    // Restarted: its tags may have been invalidated while it was not rendered again, so it is rendered again.
    installFileSystemHandler();
    const cache = cacheOf(slot().FetchCache);
    expect(await read(cache)).toBeNull();
    await aFewTicksOfTheFileClock();
    await store(cache, 'the feed rendered after the restart');
    expect(await read(cache)).toBe('the feed rendered after the restart');
  });
});
