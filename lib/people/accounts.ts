import 'server-only';
import { count, eq, like, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { users, type User } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
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

/** Someone's name, and whether they are deactivated; null when there is no such account. */
export async function getPerson(db: Database, id: string): Promise<Pick<User, 'name' | 'deactivatedAt'> | null> {
  const [person] = await db
    .select({ name: users.name, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, id));
  return person ?? null;
}

/** An admin's change to someone's role or access: a deactivated person's sessions stop on their next request. */
export async function updatePerson(
  db: Database,
  id: string,
  changes: { role?: User['role']; deactivated?: boolean },
  now = new Date(),
): Promise<void> {
  const set = {
    ...(changes.role && { role: changes.role }),
    ...(changes.deactivated !== undefined && { deactivatedAt: changes.deactivated ? now : null }),
  };
  if (Object.keys(set).length > 0) await db.update(users).set(set).where(eq(users.id, id));
}

export type Profile = Pick<User, 'name' | 'bio'> & { image: string };

/** What a person says about themselves on their author page; an empty image means none. */
export async function updateProfile(db: Database, id: string, profile: Profile): Promise<void> {
  await db
    .update(users)
    .set({ name: profile.name, bio: profile.bio, image: profile.image || null })
    .where(eq(users.id, id));
}

/**
 * Sets a new password when the current one is right (false otherwise). Every session signed in before `now` ends
 * (getCurrentUser): the caller signs this browser in again.
 */
export async function changePassword(
  db: Database,
  id: string,
  passwords: { current: string; next: string },
  now = new Date(),
): Promise<boolean> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  if (!(await verifyPassword(row?.passwordHash, passwords.current))) return false;
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(passwords.next), sessionsValidFrom: now })
    .where(eq(users.id, id));
  return true;
}
