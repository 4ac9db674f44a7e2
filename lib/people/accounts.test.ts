import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { createAccount, createFirstAdmin, EmailTakenError, hasAnyUser } from './accounts';

const db = useFreshDatabase('accounts');

describe('accounts', () => {
  it('creates the first administrator once, even when two try at once', async () => {
    expect(await hasAnyUser(db())).toBe(false);
    const attempts = await Promise.all([
      createFirstAdmin(db(), { email: 'one@example.com', name: 'One', password: 'a-long-password' }),
      createFirstAdmin(db(), { email: 'two@example.com', name: 'Two', password: 'a-long-password' }),
    ]);
    expect(attempts.filter(Boolean)).toHaveLength(1);
    const everyone = await db().select().from(users);
    expect(everyone).toHaveLength(1);
    expect(everyone[0].role).toBe('admin');
    expect(everyone[0].passwordHash).toMatch(/^\$argon2/);
    expect(await createFirstAdmin(db(), { email: 'three@example.com', name: 'Three' })).toBe(false);
  });

  it('gives each author a free slug and refuses a taken email', async () => {
    const a = await createAccount(db(), { email: 'sam@example.com', name: 'Sam Lee', role: 'author' });
    const b = await createAccount(db(), { email: 'sam2@example.com', name: 'Sam Lee', role: 'author' });
    expect([a.slug, b.slug]).toEqual(['sam-lee', 'sam-lee-2']);
    await expect(createAccount(db(), { email: 'SAM@example.com', name: 'Other', role: 'author' })).rejects.toThrow(
      EmailTakenError,
    );
  });
});
