import { count, eq, like, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { users, type User } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { slugify } from '@/lib/slug';

export type NewAccount = { email: string; name: string; role: User['role']; password?: string; bio?: string };

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`An account with the email ${email} already exists.`);
    this.name = 'EmailTakenError';
  }
}

/** A slug for the author page that no one else has: "sam-lee", then "sam-lee-2"... */
async function freeSlug(db: Database, name: string): Promise<string> {
  const base = slugify(name) || 'author';
  const taken = new Set(
    (
      await db
        .select({ slug: users.slug })
        .from(users)
        .where(or(eq(users.slug, base), like(users.slug, `${base}-%`)))
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export async function createAccount(db: Database, account: NewAccount): Promise<User> {
  const email = account.email.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new EmailTakenError(email);
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: account.name.trim(),
      slug: await freeSlug(db, account.name),
      role: account.role,
      bio: account.bio ?? '',
      passwordHash: account.password ? await hashPassword(account.password) : null,
    })
    .returning();
  return user;
}

export async function hasAnyUser(db: Database): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  return Number(n) > 0;
}

/** The administrator of a new site: created only while there is nobody at all, once even if two people try at once. */
export async function createFirstAdmin(db: Database, account: Omit<NewAccount, 'role'>): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7311005)`);
    if (await hasAnyUser(tx)) return false;
    await createAccount(tx, { ...account, role: 'admin' });
    return true;
  });
}
