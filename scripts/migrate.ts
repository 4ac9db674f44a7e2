import { closeDb, migrate } from '@/lib/db';

await migrate();
await closeDb();
console.log('Database is up to date.');
