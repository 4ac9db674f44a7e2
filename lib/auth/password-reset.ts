import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lte } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { passwordResets, users } from '@/db/schema';
import { env } from '@/lib/env';
import { sendMailInBackground } from '@/lib/mail';
import {
  clearEvents,
  clearEventsFromAllClients,
  keyPerClient,
  takeSlots,
  type Limit,
  type LimitedKey,
} from '@/lib/rate-limit';
import { hashPassword } from './password';
import { hashIp } from '@/lib/request/client-address';
import { signInLimits } from './sign-in';

export const RESET_LINK_HOURS = 1;
const HOUR = 60 * 60 * 1000;

export const resetLimits = {
  emailFromIp: { bucket: 'password-reset:email+ip', max: 3, windowMs: HOUR },
  // A ceiling for one mailbox from many addresses, so nobody elsewhere can use up the owner's links.
  email: { bucket: 'password-reset:email', max: 10, windowMs: HOUR },
  ip: { bucket: 'password-reset:ip', max: 10, windowMs: HOUR },
} satisfies Record<string, Limit>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export const resetUrl = (token: string) => `${env().SITE_URL}/signin/reset/${token}`;

/** A new one-hour link for an active account; the token itself is returned once and never stored. */
export async function createResetToken(db: Database, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.delete(passwordResets).where(and(eq(passwordResets.userId, userId), lte(passwordResets.expiresAt, now)));
  await db
    .insert(passwordResets)
    .values({ tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + RESET_LINK_HOURS * HOUR) });
  return token;
}

export type ResetRequest = { status: 'accepted' } | { status: 'limited'; retryAfterMinutes: number };

/**
 * "Forgot your password?": mails a link when the address belongs to an active account. The answer is the same
 * whether it does or not, so the form cannot be used to find out who works here; only the rate limits show.
 */
export async function requestPasswordReset(
  db: Database,
  email: string,
  ip: string,
  now = new Date(),
): Promise<ResetRequest> {
  const ipHash = hashIp(ip);
  const keys: LimitedKey[] = [
    [resetLimits.emailFromIp, keyPerClient(email, ipHash)],
    [resetLimits.email, email],
    [resetLimits.ip, ipHash],
  ];
  // Taken atomically: requests sent together cannot all pass the check before any is counted.
  const slots = await takeSlots(db, keys, now);
  if (slots.limited) return { status: 'limited', retryAfterMinutes: Math.ceil(slots.retryAfterMs / 60_000) };

  const [user] = await db
    .select({ id: users.id, name: users.name, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, email));
  if (!user || user.deactivatedAt) return { status: 'accepted' };
  const token = await createResetToken(db, user.id, now);
  sendMailInBackground({
    to: [email],
    subject: 'Set a new password',
    text: [
      `Hello ${user.name},`,
      '',
      'Someone, probably you, asked for a link to set a new password for your newsroom account:',
      '',
      resetUrl(token),
      '',
      `It works once, for ${RESET_LINK_HOURS} hour. If you did not ask for it, ignore this mail: your password stays as it is.`,
    ].join('\n'),
  });
  return { status: 'accepted' };
}

/** The account a link is for, while the link is still good: the reset page asks before showing its form. */
export async function findResetAccount(
  db: Database,
  token: string,
  now = new Date(),
): Promise<{ id: string; email: string } | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), gt(passwordResets.expiresAt, now)));
  return row && !row.deactivatedAt ? { id: row.id, email: row.email } : null;
}

/** For the page a link opens: the account it is for, while it is still good. */
export async function accountForResetLink(token: string): Promise<{ id: string; email: string } | null> {
  return findResetAccount(await getDb(), token);
}

/**
 * Sets the new password and spends the link, with every other link of the account. Sessions signed in before now
 * end, and the failed sign-ins that may have locked the account are forgotten: the link proved who this is.
 */
export async function resetPassword(
  db: Database,
  token: string,
  password: string,
  now = new Date(),
): Promise<{ email: string } | null> {
  const account = await findResetAccount(db, token, now);
  if (!account) return null;
  const passwordHash = await hashPassword(password);
  const spent = await db
    .delete(passwordResets)
    .where(eq(passwordResets.userId, account.id))
    .returning({ tokenHash: passwordResets.tokenHash });
  // Two submissions of one link race here: only the one that deleted it sets the password.
  if (!spent.some((row) => row.tokenHash === hashToken(token))) return null;
  await db.update(users).set({ passwordHash, sessionsValidFrom: now }).where(eq(users.id, account.id));
  await clearEvents(db, signInLimits.email, account.email);
  await clearEventsFromAllClients(db, signInLimits.emailFromIp, account.email);
  return { email: account.email };
}
