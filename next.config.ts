import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package folder at run time; pg-boss (the job queue) is a Node
  // library that imports its own package.json and node-postgres: both are loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss'],
  // The e2e suite and the benchmark build into their own folders, leaving the developer's .next alone.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // No ETag on pages. Next makes one by hashing the whole page in JavaScript on every request: a fifth of the CPU
  // a cached article view costs (bench/FINDINGS.md). It would spare a returning browser a download of a page that
  // carries no max-age and changes with every publish and comment; hashed assets and uploads are cached for a year.
  generateEtags: false,
  images: {
    // Covers come from our own uploads route (and the demo's illustrations); nothing from elsewhere is optimized.
    localPatterns: [{ pathname: '/uploads/**' }, { pathname: '/demo/**' }],
  },
  experimental: {
    // forbidden() and unauthorized() answer 403 and 401 from pages, server actions and route handlers.
    authInterrupts: true,
    // One limit for every action (Next has no per-action setting). The largest real body is the post editor's: a
    // cover (checked by our own code at 5 MB, with a clear message, so the transport allows room above it) and a
    // body of up to 500,000 characters. Public forms keep only their own fields, cut to length (comment drafts).
    serverActions: { bodySizeLimit: '8mb' },
    // Static pages render in this many worker processes during `next build` (default: cores - 1).
    ...(process.env.BUILD_WORKERS ? { cpus: Number(process.env.BUILD_WORKERS) } : {}),
  },
  async redirects() {
    return [
      // Old Blogger permalinks end in .html.
      { source: '/:year(\\d{4})/:month(\\d{2})/:slug.html', destination: '/:year/:month/:slug', permanent: true },
    ];
  },
};

export default nextConfig;
