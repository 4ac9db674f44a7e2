import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** One cached page or read on disk: its files (the page's .html, .rsc, .meta and .segments folder, or a read's file). */
type Entry = { base: string; files: string[]; bytes: number; modifiedAt: number };

/** The files of one page share a name; the one Next reads first (.html, .body) goes first, so a half-removed page is a miss. */
const pageSuffixes = ['.html', '.body', '.rsc', '.meta', '.segments'];

/**
 * Keeps Next's page cache on disk under `maxBytes`: rendered pages under <distDir>/server/route-cache and cached
 * reads under <distDir>/cache/fetch-cache. Once a tenth of the bound has been written since the last look, it sums
 * those folders and, when over the bound, removes the entries used longest ago until a fifth of the bound is free
 * (so a full cache is not walked at every write). A removed entry renders again on its next visit. Pages the build
 * rendered (server/app) and their copies under route-cache are neither counted nor removed: there are as many as the
 * build rendered, and without its copy Next would serve the build's version of a page after a restart, older than
 * what was published since.
 */
export class DiskBound {
  /** When each entry was last read or written by this process; older entries fall back to their files' time. */
  private readonly lastUsed = new Map<string, number>();
  private writtenSinceLook = 0;
  private looking: Promise<void> | null = null;

  constructor(
    private readonly distDir: string,
    private readonly maxBytes: number,
  ) {}

  /** An entry was read from the cache or written to it (`base`: its path on disk, less the suffixes). */
  used(base: string): void {
    this.lastUsed.delete(base);
    this.lastUsed.set(base, Date.now());
  }

  /** About `bytes` were written: looks at the folders once a tenth of the bound has been since the last look. */
  wrote(bytes: number): void {
    this.writtenSinceLook += bytes;
    if (this.writtenSinceLook >= this.maxBytes / 10) void this.trim();
  }

  /** Removes the entries used longest ago while the cache is over its bound; one look at a time. */
  trim(): Promise<void> {
    this.looking ??= this.look().finally(() => {
      this.looking = null;
      // What was written during the look was not in it: look again, so the bound holds after the last write too.
      if (this.writtenSinceLook >= this.maxBytes / 10) void this.trim();
    });
    return this.looking;
  }

  private async look(): Promise<void> {
    this.writtenSinceLook = 0;
    const entries = [
      ...(await entriesUnder(path.join(this.distDir, 'server', 'route-cache'))).filter((entry) => !this.isBuilt(entry)),
      ...(await entriesUnder(path.join(this.distDir, 'cache', 'fetch-cache'))),
    ];
    const onDisk = new Set(entries.map((entry) => entry.base));
    for (const base of this.lastUsed.keys()) if (!onDisk.has(base)) this.lastUsed.delete(base);
    let total = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    if (total <= this.maxBytes) return;
    const usedAt = (entry: Entry) => this.lastUsed.get(entry.base) ?? entry.modifiedAt;
    for (const entry of entries.sort((a, b) => usedAt(a) - usedAt(b))) {
      if (total <= this.maxBytes * 0.8) break;
      for (const file of entry.files) await fs.rm(file, { recursive: true, force: true });
      this.lastUsed.delete(entry.base);
      total -= entry.bytes;
    }
  }

  /** A page the build rendered: route-cache/<kind>/<route>/$/<address> is a copy of server/app/<address>.html. */
  private isBuilt(entry: Entry): boolean {
    const address = entry.base.split(`${path.sep}$${path.sep}`)[1];
    return address !== undefined && existsSync(path.join(this.distDir, 'server', 'app', `${address}.html`));
  }
}

/** The entries under a cache folder (none when it does not exist yet), grouped by name with their sizes. */
async function entriesUnder(folder: string): Promise<Entry[]> {
  const byBase = new Map<string, Entry>();
  const add = (base: string, file: string, bytes: number, modifiedAt: number) => {
    const entry = byBase.get(base) ?? { base, files: [], bytes: 0, modifiedAt: 0 };
    entry.files.push(file);
    entry.bytes += bytes;
    entry.modifiedAt = Math.max(entry.modifiedAt, modifiedAt);
    byBase.set(base, entry);
  };
  const walk = async (dir: string): Promise<void> => {
    const children = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const child of children) {
      const file = path.join(dir, child.name);
      if (child.isDirectory() && child.name.endsWith('.segments')) {
        const { bytes, modifiedAt } = await folderSize(file);
        add(file.slice(0, -'.segments'.length), file, bytes, modifiedAt);
      } else if (child.isDirectory()) await walk(file);
      else {
        const stat = await fs.stat(file).catch(() => null);
        if (!stat) continue;
        const suffix = pageSuffixes.find((candidate) => file.endsWith(candidate)) ?? '';
        add(file.slice(0, file.length - suffix.length), file, stat.size, stat.mtimeMs);
      }
    }
  };
  await walk(folder);
  for (const entry of byBase.values()) entry.files.sort((a, b) => rank(a, entry.base) - rank(b, entry.base));
  return [...byBase.values()];
}

const rank = (file: string, base: string) => pageSuffixes.indexOf(file.slice(base.length));

async function folderSize(dir: string): Promise<{ bytes: number; modifiedAt: number }> {
  let bytes = 0;
  let modifiedAt = 0;
  for (const child of await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (!child.isFile()) continue;
    const stat = await fs.stat(path.join(child.parentPath, child.name)).catch(() => null);
    bytes += stat?.size ?? 0;
    modifiedAt = Math.max(modifiedAt, stat?.mtimeMs ?? 0);
  }
  return { bytes, modifiedAt };
}
