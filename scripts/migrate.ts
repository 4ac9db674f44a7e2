import { closeDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';

await migrateDatabase();
await closeDb();
console.log('Database is up to date.');
