import fs from 'node:fs';
import path from 'node:path';

/** V8's explicit compile hint (Chrome 136+): compile every function of this file eagerly, off the main thread. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * Marks every script a prerendered page loads as it opens (React, Next's runtime, our client components) with
 * V8's compile hint. Without it V8 compiles each function lazily, on the main thread, the first time hydration
 * calls it: that compiling was the largest share of the time an article blocked a phone's main thread
 * (bench/FINDINGS.md, the Lighthouse blocking-time section). With it, the compiling happens on a background thread while
 * the script streams in. Pages' own HTML names these chunks in script tags and in the RSC payload; dashboard-only
 * chunks are left lazy, and so are the polyfills, which modern browsers never run. Returns the chunks marked;
 * running it twice marks nothing new.
 */
export function markChunksCalledOnLoad(distDir: string): string[] {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as {
    polyfillFiles: string[];
  };
  const polyfills = new Set(buildManifest.polyfillFiles);
  const chunks = new Set<string>();
  for (const html of prerenderedPages(path.join(distDir, 'server', 'app'))) {
    for (const chunk of chunksOf(fs.readFileSync(html, 'utf8'))) {
      if (!polyfills.has(chunk)) chunks.add(chunk);
    }
  }
  const marked: string[] = [];
  for (const chunk of chunks) {
    const file = path.join(distDir, chunk);
    // A post's own text may mention such a path; only this build's files are marked.
    if (!fs.existsSync(file)) continue;
    const source = fs.readFileSync(file, 'utf8');
    if (source.startsWith(COMPILE_HINT)) continue;
    fs.writeFileSync(file, COMPILE_HINT + source);
    marked.push(chunk);
  }
  return marked.sort();
}

/** Every chunk a page's HTML names (script tags, preloads, the RSC payload), as `static/chunks/NAME.js`. */
export function chunksOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\/_next\/(static\/chunks\/[\w.~-]+\.js)/g)].map((match) => match[1]));
}

function* prerenderedPages(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* prerenderedPages(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}
