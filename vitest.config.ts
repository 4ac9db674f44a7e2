import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next*/**', '.data/**'],
    // Integration tests open a real database each (a PGlite folder or a PostgreSQL database of their own).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
