import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { createAccount } from '@/lib/people/accounts';
import { authenticate } from './sign-in';

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

  it('refuses even the right password after 10 failures for one email, and says for how long', async () => {
    await createAccount(db(), { email: 'ben@example.com', name: 'Ben', role: 'author', password });
    for (let i = 0; i < 10; i++) await authenticate(db(), 'ben@example.com', `wrong-${i}`, `10.0.1.${i}`);
    const locked = await authenticate(db(), 'ben@example.com', password, '10.0.2.1');
    expect(locked).toEqual({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
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
