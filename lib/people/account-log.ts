import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/lib/db';
import { accountAction, accountLog, users } from '@/db/schema';

export type AccountAction = (typeof accountAction.enumValues)[number];

/** Records a change to how someone signs in: by whom (null: themselves, signing in) and to whose account. */
export async function logAccountChange(
  db: Database,
  entry: { actorId: string | null; personId: string; action: AccountAction },
): Promise<void> {
  await db.insert(accountLog).values(entry);
}

const actor = alias(users, 'actor');
const person = alias(users, 'person');

/** The newest changes, with the names of who made them and whose account they touched. */
export async function listAccountLog(db: Database, limit = 20) {
  return db
    .select({
      id: accountLog.id,
      action: accountLog.action,
      createdAt: accountLog.createdAt,
      byThemselves: sql<boolean>`${accountLog.actorId} = ${accountLog.personId}`,
      actorName: actor.name,
      personName: person.name,
    })
    .from(accountLog)
    .leftJoin(actor, eq(actor.id, accountLog.actorId))
    .leftJoin(person, eq(person.id, accountLog.personId))
    .orderBy(desc(accountLog.createdAt), desc(accountLog.id))
    .limit(limit);
}
