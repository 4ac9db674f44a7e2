import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import type FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';
import { DiskBound } from './disk-bound';
import { installFileSystemHandler } from './file-system-handler';

const KB = 1024;
let distDir: string;
const routeCache = () => path.join(distDir, 'server', 'route-cache', 'APP_PAGE', 'route', '$');
const fetchCache = () => path.join(distDir, 'cache', 'fetch-cache');

function write(file: string, bytes: number, modifiedAt = Date.now()) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.alloc(bytes, 'x'));
  fs.utimesSync(file, modifiedAt / 1000, modifiedAt / 1000);
}

/** A rendered page as Next stores it: .html, .rsc, .meta and a .segments folder; 100 KB in all. */
function writePage(address: string, modifiedAt: number) {
  const base = path.join(routeCache(), address);
  write(`${base}.html`, 60 * KB, modifiedAt);
  write(`${base}.rsc`, 30 * KB, modifiedAt);
  write(`${base}.meta`, 2 * KB, modifiedAt);
  write(path.join(`${base}.segments`, '_tree.segment.rsc'), 8 * KB, modifiedAt);
  return base;
}

function bytesUnder(folder: string): number {
  if (!fs.existsSync(folder)) return 0;
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + fs.statSync(path.join(entry.parentPath, entry.name)).size, 0);
}
const cacheBytes = () => bytesUnder(path.join(distDir, 'server', 'route-cache')) + bytesUnder(fetchCache());

beforeEach(() => {
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'disk-bound-'));
});
afterEach(() => {
  fs.rmSync(distDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('the page cache on disk', () => {
  it('removes the pages and reads used longest ago once it passes its bound, each page with all its files', async () => {
    const bound = new DiskBound(distDir, 1000 * KB);
    const hourAgo = Date.now() - 3_600_000;
    const pages = Array.from({ length: 12 }, (_, i) => writePage(`2020/01/post-${i}`, hourAgo + i * 1000));
    const read = path.join(fetchCache(), 'a-read');
    write(read, 100 * KB, hourAgo - 1000);
    // The oldest page was read a moment ago: it stays.
    bound.used(pages[0]);

    await bound.trim();

    expect(cacheBytes()).toBeLessThanOrEqual(800 * KB);
    expect(fs.existsSync(`${pages[0]}.html`)).toBe(true);
    expect(fs.existsSync(read)).toBe(false);
    for (const suffix of ['.html', '.rsc', '.meta', '.segments']) expect(fs.existsSync(pages[1] + suffix)).toBe(false);
    expect(fs.existsSync(`${pages[11]}.html`)).toBe(true);
  });

  it('leaves a cache under its bound alone, and never removes the copy of a page the build rendered', async () => {
    const longAgo = Date.now() - 86_400_000;
    const built = writePage('index', longAgo);
    write(path.join(distDir, 'server', 'app', 'index.html'), 60 * KB, longAgo);
    const [older, newer] = [writePage('2020/01/a', Date.now() - 1000), writePage('2020/01/b', Date.now())];

    await new DiskBound(distDir, 1000 * KB).trim();
    expect(cacheBytes()).toBe(300 * KB);

    // The build's pages are not counted: there are as many as the build rendered, however the cache is used.
    await new DiskBound(distDir, 150 * KB).trim();
    expect(fs.existsSync(`${built}.html`)).toBe(true);
    expect(fs.existsSync(`${older}.html`)).toBe(false);
    expect(fs.existsSync(`${newer}.html`)).toBe(true);
  });

  it('stays within its bound however many addresses a stranger makes it store, and stores no redirect', async () => {
    vi.stubEnv('NEXT_DIST_DIR', distDir);
    vi.stubEnv('PAGE_CACHE_MAX_MB', '1');
    installFileSystemHandler();
    const slot = (globalThis as Record<symbol, { FetchCache: typeof FileSystemCache }>)[
      Symbol.for('@next/cache-handlers')
    ];
    const cache = new slot.FetchCache({
      fs: nodeFs,
      serverDistDir: path.join(distDir, 'server'),
      flushToDisk: true,
      revalidatedTags: [],
    } as unknown as ConstructorParameters<typeof FileSystemCache>[0]);
    const page = (status: number) => ({
      kind: 'APP_PAGE',
      html: 'x'.repeat(50 * KB),
      rscData: Buffer.alloc(20 * KB),
      headers: status === 308 ? { location: '/2026/11/real-slug' } : {},
      postponed: undefined,
      status,
      segmentData: undefined,
    });
    const set = (key: string, value: ReturnType<typeof page>) =>
      cache.set(key, value as never, { cacheControl: { revalidate: false, expire: undefined } } as never);

    await set('/route-cache/APP_PAGE/route/$/x/y/real-slug', page(308));
    expect(cacheBytes()).toBe(0);

    for (let i = 0; i < 60; i++) await set(`/route-cache/APP_PAGE/route/$/2020/01/post-${i}`, page(200));
    await expect.poll(cacheBytes).toBeLessThanOrEqual(1024 * KB);
    // The newest page is still there and read from disk.
    const newest = `/route-cache/APP_PAGE/route/$/2020/01/post-59`;
    expect(fs.existsSync(path.join(distDir, 'server', `${newest}.html`))).toBe(true);
  });
});
