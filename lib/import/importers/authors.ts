import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Database } from '@/lib/db';
import { createAccount } from '@/lib/people/accounts';
import { rememberItem, type KnownItems } from '../import-items';
import type { Survey } from '../survey';

/**
 * People for the export's authors: someone already here with the same email, else a new contributor account that
 * is deactivated (no password, cannot sign in) so that bylines keep their names. An author known only by name gets
 * an address that can never receive mail. Returns the source's author id → user id, and how many accounts are new.
 */
export async function importAuthors(
  db: Database,
  survey: Survey,
  known: KnownItems,
): Promise<{ ids: Map<string, string>; created: number }> {
  const key = survey.source.key;
  let created = 0;
  await db.transaction(async (tx) => {
    for (const author of survey.authors.values()) {
      if (known.author.has(author.id)) continue;
      const email =
        author.email ??
        `${createHash('sha256').update(`${key} ${author.id}`).digest('hex').slice(0, 16)}@imported.invalid`;
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!existing) created++;
      const id = existing?.id ?? (await createDeactivated(tx, author.name, email));
      await rememberItem(tx, known, key, 'author', author.id, id);
    }
  });
  return { ids: known.author, created };
}

async function createDeactivated(tx: Database, name: string, email: string): Promise<string> {
  const user = await createAccount(tx, { email, name, role: 'contributor' });
  await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
  return user.id;
}
