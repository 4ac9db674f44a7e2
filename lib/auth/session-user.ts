import 'server-only';
import { eq } from 'drizzle-orm';
import { getToken } from 'next-auth/jwt';
import { users, type User } from '@/db/schema';
import type { Database } from '@/lib/db';
import { authSecret } from '@/lib/env';

/** `totpEnabledAt`: since when two-factor sign-in is on (null: off). */
export type CurrentUser = Pick<User, 'id' | 'email' | 'name' | 'slug' | 'role' | 'bio' | 'image' | 'totpEnabledAt'>;

/** What a session cookie says: whose it is and when it signed in (lib/auth/auth.ts's jwt and session callbacks). */
export type SessionClaim = { id: string; signedInAt: number };

/**
 * The person a session belongs to, read fresh from the database, so a role change, a deactivation or a password
 * reset takes effect on the next request rather than when the session cookie expires. Null for a deactivated
 * account, or a session older than the account's last password reset (sessionsValidFrom).
 */
export async function userOfSession(db: Database, session: SessionClaim): Promise<CurrentUser | null> {
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
    .where(eq(users.id, session.id));
  if (!user || user.deactivatedAt) return null;
  if (user.sessionsValidFrom && session.signedInAt < user.sessionsValidFrom.getTime()) return null;
  const { deactivatedAt: _deactivatedAt, sessionsValidFrom: _sessionsValidFrom, ...current } = user;
  return current;
}

/**
 * The session a request's cookies carry, read as Auth.js reads its own (its JWT decoded with the same secret, salted
 * with the cookie's name, the `__Secure-` one on HTTPS), for code that runs outside Next's request handling, where
 * `auth()` cannot. Only the cookie counts: getToken's fallback to an Authorization header is not offered.
 */
export async function sessionOfCookies(cookieHeader: string | null): Promise<SessionClaim | null> {
  if (!cookieHeader?.includes('authjs.session-token')) return null;
  const req = { headers: { cookie: cookieHeader } };
  const secret = authSecret();
  const token =
    (await getToken({ req, secret, secureCookie: true })) ?? (await getToken({ req, secret, secureCookie: false }));
  return token?.sub ? { id: token.sub, signedInAt: token.signedInAt ?? 0 } : null;
}
