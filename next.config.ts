import type { NextConfig } from 'next';
// With their extension: `next start` loads this file through Node's type stripping (scripts/next.ts,
// nextStartOptions), which resolves imports as written.
import { mediaPublicUrl, siteUrl } from './lib/env.ts';
import { securityHeaders } from './lib/security-headers.ts';

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time; pg-boss (the job queue) is a Node
  // library that imports its own package.json and node-postgres; koffi (lib/malloc-trim.ts) loads its native binary
  // from its platform's package: all three are loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss', 'koffi'],
  // The e2e suite and the benchmark build into their own folders, leaving the developer's .next alone.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // No ETag on pages. Next makes one by hashing the whole page in JavaScript on every request: a fifth of the CPU
  // a cached article view costs (bench/FINDINGS.md). It would spare a returning browser a download of a page that
  // carries no max-age and changes with every publish and comment; hashed assets and uploads are cached for a year.
  generateEtags: false,
  images: {
    // Covers come from our own uploads route (and the demo's illustrations), or the media address below.
    localPatterns: [{ pathname: '/uploads/**' }, { pathname: '/demo/**' }],
    // With S3_PUBLIC_URL set (read when building, as SITE_URL is), new uploads are linked there: the optimizer
    // fetches them from that address and nowhere else.
    remotePatterns: mediaPublicUrl() ? [new URL(`${mediaPublicUrl()}/**`)] : [],
    // Only the widths our covers ask for (components/site/cover-image.tsx: the 780px column, or the whole width
    // below 1024px): each width is another resize and another cached copy, so anyone could otherwise make the
    // optimizer work through a dozen per image. 640: small screens; 828: the column, and 414px phones at 2x; 1080
    // and 1200: phones at 3x; 1600: the column at 2x; 1920: tablets at 2x. No small sizes: nothing is a thumbnail.
    deviceSizes: [640, 828, 1080, 1200, 1600, 1920],
    imageSizes: [],
  },
  experimental: {
    // forbidden() and unauthorized() answer 403 and 401 from pages, server actions and route handlers.
    authInterrupts: true,
    // Each route's server code is loaded on its first request, not all of it as the server starts: a reader-facing
    // server never needs the dashboard's, setup's or the importer's modules. Idle RSS 9-12 MB lower, and after the
    // write loads about 15 MB (bench/FINDINGS.md, "Server memory"); a route's first request after a restart pays
    // its loading once.
    preloadEntriesOnStart: false,
    // One limit for every action (Next has no per-action setting). The largest real body is the post editor's: a
    // cover (checked by our own code at 5 MB, with a clear message, so the transport allows room above it) and a
    // body of up to 500,000 characters. Public forms keep only their own fields, cut to length (comment drafts).
    serverActions: { bodySizeLimit: '8mb' },
    // Static pages render in this many worker processes during `next build` (default: cores - 1).
    ...(process.env.BUILD_WORKERS ? { cpus: Number(process.env.BUILD_WORKERS) } : {}),
  },
  // Baked into the build, as SITE_URL already is (scripts/build-fingerprint.ts): HSTS follows its scheme.
  async headers() {
    return securityHeaders(siteUrl());
  },
  // An old WordPress address on the home page (/?p=12, /?page_id=3) goes to its redirect; the home page without
  // such a query stays the static page it is, and pays nothing for this check.
  async rewrites() {
    return {
      beforeFiles: ['p', 'page_id'].map((key) => ({
        source: '/',
        has: [{ type: 'query' as const, key }],
        destination: '/old-address',
      })),
    };
  },
  async redirects() {
    return [
      // Old Blogger permalinks end in .html, and so do Blogger's pages: a 301, as the issue asks of every imported
      // address (`permanent: true` would answer 308).
      { source: '/:year(\\d{4})/:month(\\d{2})/:slug.html', destination: '/:year/:month/:slug', statusCode: 301 },
      { source: '/p/:slug.html', destination: '/p/:slug', statusCode: 301 },
    ];
  },
};

export default nextConfig;
