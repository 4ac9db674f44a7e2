import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { passwordResets, users } from '@/db/schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { useMailCatcher } from '@/lib/testing/mail-catcher';
import { createAccount } from '@/lib/people/accounts';
import { findResetAccount, requestPasswordReset, resetPassword } from './password-reset';
import { authenticate } from './sign-in';

const db = useFreshDatabase('password_reset');
const oldPassword = 'the old one, forgotten';
const newPassword = 'a brand new password';
const mail = useMailCatcher();

/**
 * Asks for a link for `email` and returns the token of the mail that came within a second (the answer does not
 * wait for the mail), or null when none came.
 */
async function askForLink(email: string, ip: string, now = new Date()): Promise<string | null> {
  const before = mail().messages.length;
  expect(await requestPasswordReset(db(), email, ip, now)).toEqual({ status: 'accepted' });
  const mine = () =>
    mail()
      .messages.slice(before)
      .find((message) => message.includes(`To: ${email}`));
  for (let waited = 0; waited < 1000 && !mine(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  return /\/signin\/reset\/([\w-]+)/.exec(mine() ?? '')?.[1] ?? null;
}

describe('password reset', () => {
  it('mails a link that sets a new password once, and keeps only a hash of it', async () => {
    const ana = await createAccount(db(), {
      email: 'ana@example.com',
      name: 'Ana',
      role: 'author',
      password: oldPassword,
    });
    const token = await askForLink('ana@example.com', '10.1.0.1');
    expect(token).toHaveLength(43);
    const stored = await db().select().from(passwordResets).where(eq(passwordResets.userId, ana.id));
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(token!);

    expect(await findResetAccount(db(), token!)).toEqual({ id: ana.id, email: 'ana@example.com' });
    expect(await resetPassword(db(), token!, newPassword)).toEqual({ email: 'ana@example.com' });
    expect(await authenticate(db(), 'ana@example.com', newPassword, '10.1.0.2')).toMatchObject({ ok: true });
    expect(await authenticate(db(), 'ana@example.com', oldPassword, '10.1.0.2')).toEqual({
      ok: false,
      reason: 'invalid',
    });

    expect(await findResetAccount(db(), token!)).toBeNull();
    expect(await resetPassword(db(), token!, 'someone else again')).toBeNull();
    expect(await authenticate(db(), 'ana@example.com', newPassword, '10.1.0.2')).toMatchObject({ ok: true });
  });

  it('ends the sessions signed in before the reset', async () => {
    const ben = await createAccount(db(), {
      email: 'ben@example.com',
      name: 'Ben',
      role: 'editor',
      password: oldPassword,
    });
    const token = await askForLink('ben@example.com', '10.2.0.1');
    const before = Date.now();
    await resetPassword(db(), token!, newPassword);
    const [row] = await db()
      .select({ sessionsValidFrom: users.sessionsValidFrom })
      .from(users)
      .where(eq(users.id, ben.id));
    expect(row.sessionsValidFrom!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('answers the same for unknown and deactivated addresses, and mails them nothing', async () => {
    const cai = await createAccount(db(), {
      email: 'cai@example.com',
      name: 'Cai',
      role: 'author',
      password: oldPassword,
    });
    await db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, cai.id));
    const sent = mail().messages.length;
    expect(await askForLink('nobody@example.com', '10.3.0.1')).toBeNull();
    expect(await askForLink('cai@example.com', '10.3.0.1')).toBeNull();
    expect(mail().messages).toHaveLength(sent);
    expect(await db().select().from(passwordResets).where(eq(passwordResets.userId, cai.id))).toHaveLength(0);
  });

  it('refuses a link after its hour, and one for an account deactivated since', async () => {
    const dee = await createAccount(db(), {
      email: 'dee@example.com',
      name: 'Dee',
      role: 'author',
      password: oldPassword,
    });
    const asked = new Date(Date.now() - 61 * 60 * 1000);
    const stale = await askForLink('dee@example.com', '10.4.0.1', asked);
    expect(await resetPassword(db(), stale!, newPassword)).toBeNull();
    const fresh = await askForLink('dee@example.com', '10.4.0.1');
    await db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, dee.id));
    expect(await resetPassword(db(), fresh!, newPassword)).toBeNull();
    expect(await authenticate(db(), 'dee@example.com', newPassword, '10.4.0.2')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('sets the password only once when one link is sent twice at the same time', async () => {
    await createAccount(db(), { email: 'eve@example.com', name: 'Eve', role: 'author', password: oldPassword });
    const token = await askForLink('eve@example.com', '10.5.0.1');
    const results = await Promise.all([
      resetPassword(db(), token!, 'first of the two'),
      resetPassword(db(), token!, 'second of the two'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('limits links per address from one client, per address from anywhere, known or not, and per network', async () => {
    await createAccount(db(), { email: 'fay@example.com', name: 'Fay', role: 'author', password: oldPassword });
    for (const email of ['fay@example.com', 'ghost@example.com']) {
      for (let i = 0; i < 3; i++)
        expect(await requestPasswordReset(db(), email, '10.6.0.1')).toEqual({ status: 'accepted' });
      expect(await requestPasswordReset(db(), email, '10.6.0.1')).toEqual({ status: 'limited', retryAfterMinutes: 60 });
      // Asking from elsewhere still works, up to 10 links an hour for one address.
      for (let i = 1; i <= 7; i++)
        expect(await requestPasswordReset(db(), email, `10.6.${i}.1`)).toEqual({ status: 'accepted' });
      expect(await requestPasswordReset(db(), email, '10.6.9.1')).toEqual({ status: 'limited', retryAfterMinutes: 60 });
    }
    for (let i = 0; i < 10; i++) await requestPasswordReset(db(), `guess-${i}@example.com`, '10.7.0.1');
    expect(await requestPasswordReset(db(), 'fay-again@example.com', '10.7.0.1')).toMatchObject({ status: 'limited' });
  });

  it('accepts at most 3 of 10 requests sent at once from one client', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => requestPasswordReset(db(), 'nobody-else@example.com', '10.9.0.1')),
    );
    expect(results.filter((r) => r.status === 'accepted')).toHaveLength(3);
  });

  it('lets a person locked out by failed sign-ins back in', async () => {
    await createAccount(db(), { email: 'gus@example.com', name: 'Gus', role: 'author', password: oldPassword });
    for (let i = 0; i < 10; i++) await authenticate(db(), 'gus@example.com', `guess ${i}`, '10.8.1.1');
    expect(await authenticate(db(), 'gus@example.com', oldPassword, '10.8.1.1')).toMatchObject({ reason: 'locked' });
    await resetPassword(db(), (await askForLink('gus@example.com', '10.8.2.1'))!, newPassword);
    expect(await authenticate(db(), 'gus@example.com', newPassword, '10.8.1.1')).toMatchObject({ ok: true });
  });
});
