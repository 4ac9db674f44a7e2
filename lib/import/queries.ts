import 'server-only';
import { getDb } from '@/lib/db';
import { latestImport, settleInterrupted, type ImportView } from './imports';

/** The import the dashboard shows: the running one with its progress, or the last one with its result. */
export async function currentImport(): Promise<ImportView | null> {
  const db = await getDb();
  await settleInterrupted(db);
  return latestImport(db);
}
