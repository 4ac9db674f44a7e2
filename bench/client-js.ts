import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chunksOf } from '../scripts/compile-hints';

export type ClientJs = {
  framework: number;
  own: number;
  frameworkFiles: string[];
  ownFiles: { file: string; gzip: number }[];
};

/**
 * The JavaScript a page makes a modern browser load, in gzip bytes (zlib, default level): every chunk the HTML
 * names (script tags, preloads, and the client-component chunks listed in the inline RSC payload), minus the
 * `nomodule` polyfills. A chunk is the framework's when the build manifest lists it as a root main file (React,
 * React DOM, Next's router and the Turbopack runtime) or when the bare Next.js app of the same version loads the
 * very same file (chunk names are content hashes: same name, same bytes), as it does Next's page runtime.
 * Everything else is ours: our client components and whatever they import (next/link and next/image count as
 * ours: a page that does not use them does not load them).
 */
export function clientJs(html: string, distDir: string, bareFiles: string[] = []): ClientJs {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
    polyfillFiles: string[];
  };
  const framework = new Set([...manifest.rootMainFiles, ...bareFiles]);
  const polyfills = new Set(manifest.polyfillFiles);
  const files = chunksOf(html);
  const result: ClientJs = { framework: 0, own: 0, frameworkFiles: [], ownFiles: [] };
  for (const file of files) {
    if (polyfills.has(file)) continue;
    const gzip = zlib.gzipSync(fs.readFileSync(path.join(distDir, file))).length;
    if (framework.has(file)) {
      result.framework += gzip;
      result.frameworkFiles.push(file);
    } else {
      result.own += gzip;
      result.ownFiles.push({ file, gzip });
    }
  }
  result.ownFiles.sort((a, b) => b.gzip - a.gzip);
  return result;
}
