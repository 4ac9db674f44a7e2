import { and, count, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimitEvents, users } from '@/db/schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { createAccount } from '@/lib/people/accounts';
import { authenticate, signInLimits } from './sign-in';

const db = useFreshDatabase('sign_in');
const password = 'correct horse battery';

describe('authenticate', () => {
  it('signs in with the right password only', async () => {
    await createAccount(db(), { email: 'Ana@Example.com', name: 'Ana', role: 'author', password });
    expect(await authenticate(db(), 'ana@example.com', password, '10.0.0.1')).toMatchObject({
      ok: true,
      user: { role: 'author' },
    });
    expect(await authenticate(db(), 'ana@example.com', 'wrong', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticate(db(), 'nobody@example.com', password, '10.0.0.1')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses even the right password after 10 failures for one email from one address, and says for how long', async () => {
    await createAccount(db(), { email: 'ben@example.com', name: 'Ben', role: 'author', password });
    for (let i = 0; i < 10; i++) await authenticate(db(), 'ben@example.com', `wrong-${i}`, '10.0.1.1');
    const locked = await authenticate(db(), 'ben@example.com', password, '10.0.1.1');
    expect(locked).toEqual({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
    // The guesser's failures do not lock the owner out at their own address.
    expect(await authenticate(db(), 'ben@example.com', password, '10.0.2.1')).toMatchObject({ ok: true });
  });

  it('lets at most 10 of 30 wrong passwords sent at once reach the password check', async () => {
    await createAccount(db(), { email: 'bo@example.com', name: 'Bo', role: 'author', password });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticate(db(), 'bo@example.com', `wrong-${i}`, '10.0.4.1')),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(20);
    const [{ n }] = await db()
      .select({ n: count() })
      .from(rateLimitEvents)
      .where(
        and(eq(rateLimitEvents.bucket, signInLimits.emailFromIp.bucket), like(rateLimitEvents.key, 'bo@example.com %')),
      );
    expect(Number(n)).toBe(10);
  });

  it('does not count sign-ins with the right password', async () => {
    await createAccount(db(), { email: 'bea@example.com', name: 'Bea', role: 'author', password });
    for (let i = 0; i < 12; i++)
      expect(await authenticate(db(), 'bea@example.com', password, '10.0.5.1')).toMatchObject({ ok: true });
    expect(await authenticate(db(), 'bea@example.com', 'wrong', '10.0.5.1')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('holds a ceiling of 100 failures for one email across addresses', async () => {
    await createAccount(db(), { email: 'bob@example.com', name: 'Bob', role: 'author', password });
    for (let batch = 0; batch < 10; batch++)
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => authenticate(db(), 'bob@example.com', 'wrong', `10.1.${batch}.${i}`)),
      );
    expect(await authenticate(db(), 'bob@example.com', password, '10.2.0.1')).toMatchObject({ reason: 'locked' });
  });

  it('limits one IP to 50 failures across emails', async () => {
    await createAccount(db(), { email: 'cai@example.com', name: 'Cai', role: 'author', password });
    for (let i = 0; i < 50; i++) await authenticate(db(), `guess-${i}@example.com`, 'x', '10.9.9.9');
    expect(await authenticate(db(), 'cai@example.com', password, '10.9.9.9')).toMatchObject({ reason: 'locked' });
    expect(await authenticate(db(), 'cai@example.com', password, '10.9.9.10')).toMatchObject({ ok: true });
  });

  it('refuses a deactivated account', async () => {
    const dee = await createAccount(db(), { email: 'dee@example.com', name: 'Dee', role: 'editor', password });
    await db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, dee.id));
    expect(await authenticate(db(), 'dee@example.com', password, '10.0.3.1')).toEqual({ ok: false, reason: 'invalid' });
  });
});
