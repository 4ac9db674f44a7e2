import { closeDb, getDb, migrate } from '@/lib/db';
import { seedDemoAccounts, seedDemoContent } from '@/lib/seed/demo';
import { isEmpty } from '@/lib/seed/is-empty';
import { env } from '@/lib/env';
import { forgetBuild } from './build-fingerprint';

// The embedded database gets the demo newsroom when empty. A PostgreSQL database only on purpose, with --demo:
// the demo accounts share a published password.
const { DATABASE_URL } = env();
if (DATABASE_URL && !process.argv.includes('--demo')) {
  console.error(
    'Refusing to seed demo accounts into a DATABASE_URL database. Run `npm run db:seed -- --demo` if you mean it.',
  );
  process.exit(1);
}
await migrate();
const db = await getDb();
if (await isEmpty(db)) {
  await seedDemoContent(db);
  await seedDemoAccounts(db);
  forgetBuild(env().NEXT_DIST_DIR);
  console.log('Seeded the demo newsroom and its demo accounts.');
} else {
  console.log('The database already has content: nothing seeded.');
}
await closeDb();
