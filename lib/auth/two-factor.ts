import 'server-only';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { recoveryCodes, users } from '@/db/schema';
import { logAccountChange } from '@/lib/people/account-log';
import { giveBack, keyPerClient, takeSlots, type LimitedKey } from '@/lib/rate-limit';
import { hashIp } from '@/lib/request/client-address';
import { verifyPassword } from './password';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { seal, unseal } from './secret-box';
import { signInLimits } from './sign-in';
import { newTotpSecret, totpStep } from './totp';

/**
 * Two-factor sign-in with an authenticator app: setting it up, turning it on and off, the code step of signing in,
 * and an admin's reset. Secrets are sealed at rest (secret-box.ts), recovery codes kept as keyed hashes
 * (recovery-codes.ts).
 */

// The same limits as passwords, counted apart: failed codes per account from one address, per account, per address.
export const secondFactorLimits = {
  accountFromIp: { ...signInLimits.emailFromIp, bucket: 'two-factor:account+ip' },
  account: { ...signInLimits.email, bucket: 'two-factor:account' },
  ip: { ...signInLimits.ip, bucket: 'two-factor:ip' },
};

export type FactorCheck =
  { ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; retryAfterMinutes: number };

/** Starts (or starts again) setting up: a new secret waits, sealed, until a code from the app proves it was saved. */
export async function startSetup(db: Database, accountId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpPendingSecret: seal(newTotpSecret(), accountId) })
    .where(eq(users.id, accountId));
}

/** The secret being set up, while two-factor sign-in is not on yet. */
export async function secretBeingSetUp(db: Database, accountId: string): Promise<string | null> {
  const [row] = await db
    .select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, accountId));
  if (!row?.pending || row.enabledAt) return null;
  return unseal(row.pending, accountId);
}

export type TurnOn = { ok: true; recoveryCodes: string[] } | { ok: false; reason: 'no-setup' | 'wrong-code' };

/** Turns it on with a code from the app for the secret being set up; gives the recovery codes, this once. */
export async function turnOn(db: Database, accountId: string, code: string, now = new Date()): Promise<TurnOn> {
  const secret = await secretBeingSetUp(db, accountId);
  if (!secret) return { ok: false, reason: 'no-setup' };
  const step = await totpStep(secret, code, now.getTime());
  if (step === null) return { ok: false, reason: 'wrong-code' };
  const codes = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: seal(secret, accountId), totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step })
      .where(eq(users.id, accountId));
    await logAccountChange(tx, { actorId: accountId, personId: accountId, action: 'two_factor_on' });
    return storeNewRecoveryCodes(tx, accountId);
  });
  return { ok: true, recoveryCodes: codes };
}

/** Ten new recovery codes in place of the old ones, which are void from now (inside the caller's transaction). */
async function storeNewRecoveryCodes(tx: Database, accountId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, accountId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: accountId, codeHash: hashRecoveryCode(c)! })));
  return codes;
}

export type NewRecoveryCodes = Exclude<FactorCheck, { ok: true }> | { ok: true; recoveryCodes: string[] };

/**
 * New recovery codes, for someone who used or lost theirs: only with a current code from the app (the codes stand
 * in for the app, so the password alone must not mint them), under the code step's limits.
 */
export async function replaceRecoveryCodes(
  db: Database,
  accountId: string,
  code: string,
  ip: string,
  now = new Date(),
): Promise<NewRecoveryCodes> {
  const result = await limited(db, accountId, ip, () => spendTotpCode(db, accountId, code, now));
  if (!result.ok) return result;
  const codes = await db.transaction(async (tx) => {
    await logAccountChange(tx, { actorId: accountId, personId: accountId, action: 'recovery_codes_replaced' });
    return storeNewRecoveryCodes(tx, accountId);
  });
  return { ok: true, recoveryCodes: codes };
}

/** Whether it is on, since when, and how many recovery codes are left. */
export async function twoFactorStatus(db: Database, accountId: string) {
  const [row] = await db.select({ since: users.totpEnabledAt }).from(users).where(eq(users.id, accountId));
  const [{ n }] = await db.select({ n: count() }).from(recoveryCodes).where(eq(recoveryCodes.userId, accountId));
  return { on: Boolean(row?.since), since: row?.since ?? null, recoveryCodesLeft: Number(n) };
}

/**
 * A code from the app, accepted once: the step it belongs to is recorded in the same statement that checks it is
 * newer than the last one used, so a code seen over someone's shoulder, or sent twice at once, does not pass again.
 */
async function spendTotpCode(db: Database, accountId: string, code: string, now: Date): Promise<boolean> {
  const [row] = await db.select({ sealed: users.totpSecret }).from(users).where(eq(users.id, accountId));
  const secret = row?.sealed ? unseal(row.sealed, accountId) : null;
  const step = secret ? await totpStep(secret, code, now.getTime()) : null;
  if (step === null) return false;
  const spent = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, accountId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return spent.length > 0;
}

/** A recovery code, spent: deleting it is the check, so two requests with one code cannot both pass. */
async function spendRecoveryCode(db: Database, accountId: string, code: string): Promise<boolean> {
  const codeHash = hashRecoveryCode(code);
  if (!codeHash) return false;
  const spent = await db
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, accountId), eq(recoveryCodes.codeHash, codeHash)))
    .returning({ codeHash: recoveryCodes.codeHash });
  return spent.length > 0;
}

/**
 * Runs `check` under the code step's limits: a slot of each is taken before the check (atomically, so a burst
 * gets no more tries than the limit) and given back when it passes.
 */
async function limited(db: Database, accountId: string, ip: string, check: () => Promise<boolean>) {
  const ipHash = hashIp(ip);
  const keys: LimitedKey[] = [
    [secondFactorLimits.accountFromIp, keyPerClient(accountId, ipHash)],
    [secondFactorLimits.account, accountId],
    [secondFactorLimits.ip, ipHash],
  ];
  const slots = await takeSlots(db, keys);
  if (slots.limited) {
    return { ok: false, reason: 'locked', retryAfterMinutes: Math.ceil(slots.retryAfterMs / 60_000) } as const;
  }
  if (!(await check())) return { ok: false, reason: 'invalid' } as const;
  await giveBack(db, slots.taken);
  return { ok: true } as const;
}

/**
 * The second step of signing in, for the account whose password was right at `passwordAt` (ms): a code from the
 * app, or a recovery code (spent once used). A password reset since then voids the step.
 */
export async function checkSecondFactor(
  db: Database,
  { accountId, passwordAt }: { accountId: string; passwordAt: number },
  proof: { method: 'code' | 'recovery'; code: string },
  ip: string,
  now = new Date(),
): Promise<FactorCheck> {
  return limited(db, accountId, ip, async () => {
    const [row] = await db
      .select({
        enabledAt: users.totpEnabledAt,
        deactivatedAt: users.deactivatedAt,
        validFrom: users.sessionsValidFrom,
      })
      .from(users)
      .where(eq(users.id, accountId));
    if (!row?.enabledAt || row.deactivatedAt) return false;
    if (row.validFrom && row.validFrom.getTime() > passwordAt) return false;
    return proof.method === 'code'
      ? spendTotpCode(db, accountId, proof.code, now)
      : spendRecoveryCode(db, accountId, proof.code);
  });
}

async function clear(db: Database, accountId: string): Promise<boolean> {
  const cleared = await db
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, accountId))
    .returning({ id: users.id });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, accountId));
  return cleared.length > 0;
}

/** Turns it off, with a current code from the app or the password (under the code step's limits). */
export async function turnOff(
  db: Database,
  accountId: string,
  codeOrPassword: string,
  ip: string,
  now = new Date(),
): Promise<FactorCheck> {
  const result = await limited(db, accountId, ip, async () => {
    const [row] = await db
      .select({ passwordHash: users.passwordHash, enabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, accountId));
    if (!row?.enabledAt) return false;
    return (
      (await spendTotpCode(db, accountId, codeOrPassword, now)) ||
      (await verifyPassword(row.passwordHash, codeOrPassword))
    );
  });
  if (result.ok) {
    await clear(db, accountId);
    await logAccountChange(db, { actorId: accountId, personId: accountId, action: 'two_factor_off' });
  }
  return result;
}

/** An admin's reset of someone who lost their app and codes: they sign in with their password alone again. */
export async function resetSecondFactor(db: Database, adminId: string, accountId: string): Promise<boolean> {
  const [row] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, accountId));
  if (!row?.enabledAt) return false;
  await clear(db, accountId);
  await logAccountChange(db, { actorId: adminId, personId: accountId, action: 'two_factor_reset' });
  return true;
}
