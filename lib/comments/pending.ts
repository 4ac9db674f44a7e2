import 'server-only';
import { getDb } from '@/lib/db';
import { countPending } from '@/db/queries/moderation';

/** How many comments wait for a moderator: the badge on the dashboard's Comments link. */
export async function countPendingComments(): Promise<number> {
  return countPending(await getDb());
}
