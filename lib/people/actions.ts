'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { authorizedAction, authorizedButtonAction, publicAction } from '@/lib/actions';
import { signIn } from '@/lib/auth/auth';
import { openSession } from '@/lib/auth/session';
import { resetSecondFactor } from '@/lib/auth/two-factor';
import { createResetToken, RESET_LINK_HOURS, resetUrl } from '@/lib/auth/password-reset';
import { newPassword } from '@/lib/auth/password';
import { roles } from '@/lib/auth/permissions';
import { revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import {
  changePassword,
  createAccount,
  createFirstAdmin,
  EmailTakenError,
  getPerson,
  updatePerson,
  updateProfile,
} from './accounts';

const accountSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')),
  role: z.enum(roles),
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
  role: z.enum(roles).optional(),
  deactivate: z.string().optional(),
});

/** Changes someone's role, or (de)activates them. Admins cannot lock themselves out. */
export const updatePersonAction = authorizedButtonAction('people:manage', personSchema, async (data, admin) => {
  if (data.id === admin.id) notFound();
  await updatePerson(await getDb(), data.id, {
    role: data.role,
    deactivated: data.deactivate === undefined ? undefined : data.deactivate === '1',
  });
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
  await updateProfile(await getDb(), user.id, data);
  revalidateTags([tags.author(user.slug), tags.posts]);
  return { status: 'ok', message: 'Profile saved.' };
});

const passwordSchema = z.object({ current: z.string().min(1, 'Enter your current password.'), next: newPassword });

export const changePasswordAction = authorizedAction('dashboard:view', passwordSchema, async (data, user) => {
  if (!(await changePassword(await getDb(), user.id, data))) {
    return {
      status: 'error',
      message: 'The current password is not right.',
      fieldErrors: { current: 'The current password is not right.' },
      values: {},
    };
  }
  // Every session signed in before now has ended (getCurrentUser); this browser signs in again with the new password,
  // and is sent on to a page read with that new session (this request still carries the old one).
  await openSession(user.id, { redirect: false });
  redirect('/dashboard/profile?password=changed');
});

/** Creates the first administrator, once: afterwards /setup is gone. */
export const setupAction = publicAction(accountSchema.omit({ role: true }), async (data) => {
  if (!(await createFirstAdmin(await getDb(), data))) notFound();
  await signIn('credentials', { email: data.email, password: data.password, redirectTo: '/dashboard' });
  return { status: 'ok' };
});

/**
 * A link that lets someone set a new password, for the admin to pass on: the way back in when the site sends no
 * mail, or the mail went astray.
 */
export const createResetLinkAction = authorizedAction(
  'people:manage',
  z.object({ id: z.uuid() }),
  async (data, admin) => {
    const db = await getDb();
    const person = await getPerson(db, data.id);
    if (!person || data.id === admin.id) notFound();
    if (person.deactivatedAt) return { status: 'error', message: `Reactivate ${person.name} first.` };
    const link = resetUrl(await createResetToken(db, data.id));
    return {
      status: 'ok',
      message: `Send this link to ${person.name}. It sets a new password once, within ${RESET_LINK_HOURS} hour: ${link}`,
    };
  },
);

/** Lets someone who lost their authenticator app and recovery codes sign in with their password alone again. */
export const resetTwoFactorAction = authorizedButtonAction(
  'people:manage',
  z.object({ id: z.uuid() }),
  async (data, admin) => {
    if (data.id === admin.id) notFound();
    await resetSecondFactor(await getDb(), admin.id, data.id);
    revalidatePath('/dashboard/people');
  },
);
