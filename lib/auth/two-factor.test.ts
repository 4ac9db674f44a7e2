import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { accountLog, recoveryCodes, users } from '@/db/schema';
import { createAccount } from '@/lib/people/accounts';
import { listAccountLog } from '@/lib/people/account-log';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { mustSetUpSecondFactor } from './second-factor-rule';
import { authenticate } from './sign-in';
import {
  checkSecondFactor,
  replaceRecoveryCodes,
  resetSecondFactor,
  secretBeingSetUp,
  startSetup,
  turnOff,
  turnOn,
  twoFactorStatus,
} from './two-factor';

const db = useFreshDatabase('two_factor');
const password = 'correct horse battery';
const codeAt = (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

/** An account with two-factor sign-in on, its secret and its recovery codes. */
async function withSecondFactor(email: string, now = new Date()) {
  const account = await createAccount(db(), { email, name: email.split('@')[0], role: 'editor', password });
  await startSetup(db(), account.id);
  const secret = (await secretBeingSetUp(db(), account.id))!;
  const on = await turnOn(db(), account.id, await codeAt(secret, now.getTime()), now);
  if (!on.ok) throw new Error('could not turn it on');
  return { account, secret, codes: on.recoveryCodes };
}

describe('setting up', () => {
  it('keeps the setup after a wrong code, turns on with a right one and gives ten codes once', async () => {
    const ana = await createAccount(db(), { email: 'ana@example.com', name: 'Ana', role: 'author', password });
    expect(await turnOn(db(), ana.id, '123456')).toEqual({ ok: false, reason: 'no-setup' });
    await startSetup(db(), ana.id);
    const secret = (await secretBeingSetUp(db(), ana.id))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = Date.now();
    const right = await codeAt(secret, now);
    const wrong = right === '000000' ? '000001' : '000000';
    expect(await turnOn(db(), ana.id, wrong, new Date(now))).toEqual({ ok: false, reason: 'wrong-code' });
    expect(await secretBeingSetUp(db(), ana.id)).toBe(secret);

    const on = await turnOn(db(), ana.id, right, new Date(now));
    expect(on.ok && on.recoveryCodes).toHaveLength(10);
    expect(await secretBeingSetUp(db(), ana.id)).toBeNull();
    expect(await twoFactorStatus(db(), ana.id)).toMatchObject({ on: true, recoveryCodesLeft: 10 });

    // At rest: a ciphertext, and hashes of the codes, none of which show what they hold.
    const [row] = await db().select().from(users).where(eq(users.id, ana.id));
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(secret.slice(0, 8));
    const stored = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, ana.id));
    expect(stored.map((r) => r.codeHash).join(' ')).not.toContain(on.ok && on.recoveryCodes[0].slice(0, 5));
    expect(await authenticate(db(), 'ana@example.com', password, '10.0.0.1')).toMatchObject({
      ok: true,
      secondFactor: true,
    });
  });
});

describe('the code step of signing in', () => {
  const ip = '10.1.0.1';

  it('accepts a code once: the same code again is refused within its window', async () => {
    const now = Date.now();
    const { account, secret } = await withSecondFactor('bo@example.com', new Date(now - 60_000));
    const pending = { accountId: account.id, passwordAt: now };
    const code = await codeAt(secret, now);
    const proof = { method: 'code', code } as const;
    const [first, second] = await Promise.all([
      checkSecondFactor(db(), pending, proof, ip, new Date(now)),
      checkSecondFactor(db(), pending, proof, ip, new Date(now)),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await checkSecondFactor(db(), pending, proof, ip, new Date(now + 5_000))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    // The next step's code passes.
    expect(
      await checkSecondFactor(db(), pending, { method: 'code', code: await codeAt(secret, now + 30_000) }, ip),
    ).toEqual({ ok: true });
  });

  it('spends a recovery code: it works once, typed in any case', async () => {
    const { account, codes } = await withSecondFactor('cy@example.com');
    const pending = { accountId: account.id, passwordAt: Date.now() };
    const code = codes[3].toUpperCase();
    expect(await checkSecondFactor(db(), pending, { method: 'recovery', code }, ip)).toEqual({ ok: true });
    expect(await checkSecondFactor(db(), pending, { method: 'recovery', code }, ip)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect((await twoFactorStatus(db(), account.id)).recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes as wrong passwords are counted: 10 from one address lock it there, even a right code', async () => {
    const { account, secret } = await withSecondFactor('di@example.com', new Date(Date.now() - 60_000));
    const pending = { accountId: account.id, passwordAt: Date.now() };
    const right = await codeAt(secret, Date.now());
    const wrong = right === '000000' ? '000001' : '000000';
    const results = await Promise.all(
      Array.from({ length: 30 }, () => checkSecondFactor(db(), pending, { method: 'code', code: wrong }, '10.2.0.1')),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(20);
    expect(await checkSecondFactor(db(), pending, { method: 'code', code: right }, '10.2.0.1')).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterMinutes: 15,
    });
    // From another address, the owner still gets in.
    expect(await checkSecondFactor(db(), pending, { method: 'code', code: right }, '10.2.0.2')).toEqual({ ok: true });
  });

  it('is void once the password was reset after it, and for an account without a second factor', async () => {
    const { account, codes } = await withSecondFactor('ed@example.com');
    const passwordAt = Date.now() - 1000;
    await db().update(users).set({ sessionsValidFrom: new Date() }).where(eq(users.id, account.id));
    expect(
      await checkSecondFactor(db(), { accountId: account.id, passwordAt }, { method: 'recovery', code: codes[0] }, ip),
    ).toEqual({ ok: false, reason: 'invalid' });
    const plain = await createAccount(db(), { email: 'fe@example.com', name: 'Fe', role: 'author', password });
    expect(
      await checkSecondFactor(
        db(),
        { accountId: plain.id, passwordAt: Date.now() },
        { method: 'code', code: '123456' },
        ip,
      ),
    ).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('turning it off and resetting it', () => {
  it('turns off with the password or a current code, not with anything else', async () => {
    const { account, secret } = await withSecondFactor('gi@example.com', new Date(Date.now() - 60_000));
    expect(await turnOff(db(), account.id, 'not my password', '10.3.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await turnOff(db(), account.id, password, '10.3.0.1')).toEqual({ ok: true });
    expect(await twoFactorStatus(db(), account.id)).toEqual({ on: false, since: null, recoveryCodesLeft: 0 });

    await startSetup(db(), account.id);
    const fresh = (await secretBeingSetUp(db(), account.id))!;
    expect(fresh).not.toBe(secret);
    await turnOn(db(), account.id, await codeAt(fresh, Date.now() - 30_000));
    expect(await turnOff(db(), account.id, await codeAt(fresh, Date.now()), '10.3.0.1')).toEqual({ ok: true });
    expect(await authenticate(db(), 'gi@example.com', password, '10.3.0.1')).toMatchObject({ secondFactor: false });
  });

  it('makes new recovery codes only with a current code from the app, and voids the old ones', async () => {
    const { account, secret, codes } = await withSecondFactor('jo@example.com', new Date(Date.now() - 60_000));
    expect(await replaceRecoveryCodes(db(), account.id, password, '10.4.0.1')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const replaced = await replaceRecoveryCodes(db(), account.id, await codeAt(secret, Date.now()), '10.4.0.1');
    if (!replaced.ok) throw new Error('not replaced');
    expect(replaced.recoveryCodes).toHaveLength(10);
    expect(replaced.recoveryCodes).not.toContain(codes[0]);
    const pending = { accountId: account.id, passwordAt: Date.now() };
    const old = { method: 'recovery', code: codes[0] } as const;
    expect(await checkSecondFactor(db(), pending, old, '10.4.0.1')).toEqual({ ok: false, reason: 'invalid' });
    const fresh = { method: 'recovery', code: replaced.recoveryCodes[0] } as const;
    expect(await checkSecondFactor(db(), pending, fresh, '10.4.0.1')).toEqual({ ok: true });
    const [latest] = await listAccountLog(db());
    expect(latest).toMatchObject({ action: 'recovery_codes_replaced', actorName: 'jo', personName: 'jo' });
  });

  it('an admin resets someone’s second factor, and the log says who did it to whom', async () => {
    const admin = await createAccount(db(), { email: 'ha@example.com', name: 'Hal Admin', role: 'admin', password });
    const { account } = await withSecondFactor('ivy@example.com');
    expect(await resetSecondFactor(db(), admin.id, account.id)).toBe(true);
    expect(await resetSecondFactor(db(), admin.id, account.id)).toBe(false);
    expect(await twoFactorStatus(db(), account.id)).toMatchObject({ on: false, recoveryCodesLeft: 0 });
    const [latest] = await listAccountLog(db());
    expect(latest).toMatchObject({ action: 'two_factor_reset', actorName: 'Hal Admin', personName: 'ivy' });
    expect(await db().select().from(accountLog).where(eq(accountLog.personId, account.id))).toHaveLength(2);
  });
});

describe('the site setting that requires it', () => {
  it('applies to admins and editors without it, and only while it is on', () => {
    const off = { totpEnabledAt: null };
    const on = { totpEnabledAt: new Date() };
    const required = { requireTwoFactor: true };
    expect(mustSetUpSecondFactor({ role: 'admin', ...off }, required)).toBe(true);
    expect(mustSetUpSecondFactor({ role: 'editor', ...off }, required)).toBe(true);
    expect(mustSetUpSecondFactor({ role: 'editor', ...on }, required)).toBe(false);
    for (const role of ['author', 'contributor', 'moderator'] as const)
      expect(mustSetUpSecondFactor({ role, ...off }, required)).toBe(false);
    expect(mustSetUpSecondFactor({ role: 'admin', ...off }, { requireTwoFactor: false })).toBe(false);
  });
});
