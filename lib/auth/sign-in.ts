import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { users, type User } from '@/db/schema';
import { checkLimits, recordEvents, type Limit, type LimitedKey } from '@/lib/rate-limit';
import { hashIp } from '@/lib/request/client-address';
import { verifyPassword } from './password';

const FIFTEEN_MINUTES = 15 * 60 * 1000;
export const signInLimits = {
  email: { bucket: 'sign-in:email', max: 10, windowMs: FIFTEEN_MINUTES },
  ip: { bucket: 'sign-in:ip', max: 50, windowMs: FIFTEEN_MINUTES },
} satisfies Record<string, Limit>;

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter your email address.')),
  password: z.string().min(1, 'Enter your password.').max(1000),
});

export type SignInResult =
  | { ok: true; user: Pick<User, 'id' | 'email' | 'name' | 'role'> }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterMinutes: number };

/**
 * Checks an email and password. After too many failures for one email or one IP, every attempt is refused, even
 * with the right password, until the window passes. Unknown emails cost the same time as wrong passwords.
 */
export async function authenticate(db: Database, email: string, password: string, ip: string): Promise<SignInResult> {
  const keys: LimitedKey[] = [
    [signInLimits.email, email],
    [signInLimits.ip, hashIp(ip)],
  ];
  const locked = await checkLimits(db, keys);
  if (locked.limited)
    return { ok: false, reason: 'locked', retryAfterMinutes: Math.ceil(locked.retryAfterMs / 60_000) };

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.deactivatedAt) {
    await recordEvents(db, keys);
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
