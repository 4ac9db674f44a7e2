'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { users } from '@/db/schema';
import { authorizedAction, authorizedButtonAction } from '@/lib/actions';
import { signIn } from '@/lib/auth/auth';
import { createResetToken, RESET_LINK_HOURS, resetUrl } from '@/lib/auth/password-reset';
import { hashPassword, newPassword, verifyPassword } from '@/lib/auth/password';
import { roles } from '@/lib/auth/permissions';
import { revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import { fieldErrorsOf, formValues, type FormState } from '@/lib/form-state';
import { createAccount, createFirstAdmin, EmailTakenError } from './accounts';

const accountSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')),
  role: z.enum(roles as [string, ...string[]]).transform((role) => role as (typeof roles)[number]),
  password: newPassword,
});

export const createPersonAction = authorizedAction('people:manage', accountSchema, async (data) => {
  try {
    await createAccount(await getDb(), data);
  } catch (error) {
    if (error instanceof EmailTakenError)
      return { status: 'error', message: error.message, fieldErrors: { email: error.message } };
    throw error;
  }
  return { status: 'ok', message: `${data.name} can now sign in as ${data.role}.`, values: {} };
});

const personSchema = z.object({
  id: z.uuid(),
  role: z.enum(roles as [string, ...string[]]).optional(),
  deactivate: z.string().optional(),
});

/** Changes someone's role, or (de)activates them. Admins cannot lock themselves out. */
export const updatePersonAction = authorizedButtonAction('people:manage', personSchema, async (data, admin) => {
  if (data.id === admin.id) notFound();
  const db = await getDb();
  const changes = {
    ...(data.role && { role: data.role as (typeof roles)[number] }),
    ...(data.deactivate !== undefined && { deactivatedAt: data.deactivate === '1' ? new Date() : null }),
  };
  if (Object.keys(changes).length > 0) await db.update(users).set(changes).where(eq(users.id, data.id));
  revalidatePath('/dashboard/people');
});

const profileSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100),
  bio: z.string().trim().max(500, 'Keep the bio under 500 characters.').default(''),
  image: z
    .string()
    .trim()
    .max(500)
    .refine((url) => url === '' || /^(https?:\/\/|\/)/.test(url), 'Use an http(s) address or a path on this site.')
    .default(''),
});

export const updateProfileAction = authorizedAction('dashboard:view', profileSchema, async (data, user) => {
  await (
    await getDb()
  )
    .update(users)
    .set({ name: data.name, bio: data.bio, image: data.image || null })
    .where(eq(users.id, user.id));
  revalidateTags([tags.author(user.slug), tags.posts]);
  return { status: 'ok', message: 'Profile saved.' };
});

const passwordSchema = z.object({ current: z.string().min(1, 'Enter your current password.'), next: newPassword });

export const changePasswordAction = authorizedAction('dashboard:view', passwordSchema, async (data, user) => {
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!(await verifyPassword(row?.passwordHash, data.current))) {
    return {
      status: 'error',
      message: 'The current password is not right.',
      fieldErrors: { current: 'The current password is not right.' },
      values: {},
    };
  }
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(data.next), sessionsValidFrom: new Date() })
    .where(eq(users.id, user.id));
  // Every session signed in before now has ended (getCurrentUser); this browser signs in again with the new password,
  // and is sent on to a page read with that new session (this request still carries the old one).
  await signIn('credentials', { email: user.email, password: data.next, redirect: false });
  redirect('/dashboard/profile?password=changed');
});

const setupSchema = accountSchema.omit({ role: true });

/** Creates the first administrator, once: afterwards /setup is gone. */
export async function setupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = setupSchema.safeParse(values);
  if (!parsed.success)
    return {
      status: 'error',
      message: 'Please correct the marked fields.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
    };
  if (!(await createFirstAdmin(await getDb(), parsed.data))) notFound();
  await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: '/dashboard' });
  return { status: 'ok' };
}

/**
 * A link that lets someone set a new password, for the admin to pass on: the way back in when the site sends no
 * mail, or the mail went astray.
 */
export const createResetLinkAction = authorizedAction(
  'people:manage',
  z.object({ id: z.uuid() }),
  async (data, admin) => {
    const db = await getDb();
    const [person] = await db
      .select({ name: users.name, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.id, data.id));
    if (!person || data.id === admin.id) notFound();
    if (person.deactivatedAt) return { status: 'error', message: `Reactivate ${person.name} first.` };
    const link = resetUrl(await createResetToken(db, data.id));
    return {
      status: 'ok',
      message: `Send this link to ${person.name}. It sets a new password once, within ${RESET_LINK_HOURS} hour: ${link}`,
    };
  },
);
