import { asc } from 'drizzle-orm';
import type { Database } from '../client';
import { users } from '../schema';

export async function listPeople(db: Database) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .orderBy(asc(users.name));
}
