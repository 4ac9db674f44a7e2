import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this: it diffs db/schema.ts against drizzle/ and writes SQL.
// Applying migrations is the app's own job (scripts/migrate.ts), on either driver.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './drizzle',
});
