import 'server-only';
import { eq } from 'drizzle-orm';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import { users, type User } from '@/db/schema';
import { getSettings } from '@/lib/settings/queries';
import { auth } from './auth';
import { can, type Action } from './permissions';
import { mustSetUpSecondFactor, SECOND_FACTOR_SETUP_PATH } from './second-factor-rule';

/** `totpEnabledAt`: since when two-factor sign-in is on (null: off). */
export type CurrentUser = Pick<User, 'id' | 'email' | 'name' | 'slug' | 'role' | 'bio' | 'image' | 'totpEnabledAt'>;

/**
 * The signed-in person, read fresh from the database on every request (once, however many components ask), so a
 * role change, a deactivation or a password reset takes effect on the next request rather than when the session
 * cookie expires.
 * Null when signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      slug: users.slug,
      role: users.role,
      bio: users.bio,
      image: users.image,
      deactivatedAt: users.deactivatedAt,
      sessionsValidFrom: users.sessionsValidFrom,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!user || user.deactivatedAt) return null;
  if (user.sessionsValidFrom && session.signedInAt < user.sessionsValidFrom.getTime()) return null;
  const { deactivatedAt: _deactivatedAt, sessionsValidFrom: _sessionsValidFrom, ...current } = user;
  return current;
});

/**
 * For every server action, route handler and dashboard page: 401 when signed out, 403 without the permission.
 * While the site requires a second factor of someone who has none, everything but setting one up ('account:secure')
 * sends them to set it up.
 */
export async function requirePermission(action: Action): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) unauthorized();
  if (!can(user.role, action)) forbidden();
  if (action !== 'account:secure' && mustSetUpSecondFactor(user, await getSettings())) {
    redirect(SECOND_FACTOR_SETUP_PATH);
  }
  return user;
}
