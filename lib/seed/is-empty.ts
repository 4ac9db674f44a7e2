import 'server-only';
import { count } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';

/**
 * True when nobody has an account yet: a first start then seeds the demo, and later starts leave it alone. Apart
 * from the seed itself, which loads the sanitizer and the account code: a restart never needs them.
 */
export async function isEmpty(db: Database): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  return Number(n) === 0;
}
