import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { users, type User } from '@/db/schema';
import { giveBack, keyPerClient, takeSlots, type Limit, type LimitedKey } from '@/lib/rate-limit';
import { hashIp } from '@/lib/request/client-address';
import { verifyPassword } from './password';

const FIFTEEN_MINUTES = 15 * 60 * 1000;
export const signInLimits = {
  // What locks a guesser out: failures for one account from one address.
  emailFromIp: { bucket: 'sign-in:email+ip', max: 10, windowMs: FIFTEEN_MINUTES },
  // A ceiling for guessing one account from many addresses, high enough that one guesser cannot reach it.
  email: { bucket: 'sign-in:email', max: 100, windowMs: FIFTEEN_MINUTES },
  ip: { bucket: 'sign-in:ip', max: 50, windowMs: FIFTEEN_MINUTES },
} satisfies Record<string, Limit>;

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter your email address.')),
  password: z.string().min(1, 'Enter your password.').max(1000),
});

export type SignInResult =
  | { ok: true; user: Pick<User, 'id' | 'email' | 'name' | 'role'>; secondFactor: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterMinutes: number };

/**
 * Checks an email and password. After too many failures for one email from one address, for one email from
 * anywhere (a much higher ceiling) or from one address, attempts are refused, even with the right password, until
 * the window passes; a guesser elsewhere does not lock the owner out. Each attempt takes its slots before the
 * password is checked, so a burst cannot get more guesses than the limit, and gives them back when it signs in.
 * Unknown emails cost the same time as wrong passwords.
 */
export async function authenticate(db: Database, email: string, password: string, ip: string): Promise<SignInResult> {
  const ipHash = hashIp(ip);
  const keys: LimitedKey[] = [
    [signInLimits.emailFromIp, keyPerClient(email, ipHash)],
    [signInLimits.email, email],
    [signInLimits.ip, ipHash],
  ];
  const slots = await takeSlots(db, keys);
  if (slots.limited) return { ok: false, reason: 'locked', retryAfterMinutes: Math.ceil(slots.retryAfterMs / 60_000) };

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.deactivatedAt) return { ok: false, reason: 'invalid' };
  await giveBack(db, slots.taken);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    // With two-factor sign-in on, a right password only opens the code step (lib/auth/pending-sign-in.ts).
    secondFactor: Boolean(user.totpEnabledAt),
  };
}
