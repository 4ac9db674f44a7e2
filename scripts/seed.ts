import { closeDb, getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { isEmpty, seedDemoContent } from '@/db/seed';

await migrateDatabase();
const db = await getDb();
if (await isEmpty(db)) {
  await seedDemoContent(db);
  console.log('Seeded the demo newsroom.');
} else {
  console.log('The database already has content: nothing seeded.');
}
await closeDb();
