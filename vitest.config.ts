import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Modules that touch the database say `import 'server-only'`, so a client import fails the build; tests run
      // them on the server side, as Next does.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next*/**', '.data/**'],
    // Integration tests open a real database each (a PGlite folder or a PostgreSQL database of their own).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The one required secret (lib/env.ts); tests that need it missing delete it.
    env: { AUTH_SECRET: 'vitest-only-secret-not-used-anywhere-else' },
  },
});
