'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { publicAction, publicButtonAction } from '@/lib/actions';
import { clientIp } from '@/lib/request/client-address';
import { signIn, signOut } from './auth';
import { newPassword } from './password';
import { RESET_LINK_HOURS, requestPasswordReset, resetPassword } from './password-reset';
import { credentialsSchema } from './sign-in';

const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

/** Only our own dashboard pages are valid places to return to after signing in. */
function safeCallback(url = ''): string {
  return /^\/dashboard(\/[\w\-/?=&%.]*)?$/.test(url) ? url : '/dashboard';
}

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email.'),
  password: z.string().min(1, 'Enter your password.'),
  callbackUrl: z.string().optional(),
});

export const signInAction = publicAction(
  signInSchema,
  async ({ email, password, callbackUrl }) => {
    // Sent back in place of the whole form, which would carry the password.
    const values = { email };
    try {
      await signIn('credentials', { email, password, redirectTo: safeCallback(callbackUrl) });
    } catch (error) {
      // Success ends in a redirect, which is thrown too: only Auth.js's own errors are ours to show.
      if (!(error instanceof AuthError)) throw error;
      const code = error instanceof CredentialsSignin ? error.code : '';
      if (code.startsWith('locked:')) {
        return {
          status: 'error',
          message: `Too many failed sign-in attempts. Try again in ${minutes(Number(code.slice('locked:'.length)))}.`,
          values,
        };
      }
      return { status: 'error', message: 'That email and password do not match an account.', values };
    }
    return { status: 'ok', values };
  },
  { invalidMessage: 'Enter your email and password.' },
);

export const signOutAction = publicButtonAction(z.object({}), async () => {
  await signOut({ redirectTo: '/signin' });
});

export const requestPasswordResetAction = publicAction(credentialsSchema.pick({ email: true }), async ({ email }) => {
  const result = await requestPasswordReset(await getDb(), email, clientIp(await headers()));
  if (result.status === 'limited') {
    return {
      status: 'error',
      message: `Too many links asked for. Try again in ${minutes(result.retryAfterMinutes)}.`,
    };
  }
  return {
    status: 'ok',
    message: `If ${email} is the address of a newsroom account, a link to set a new password is on its way there. It works for ${RESET_LINK_HOURS} hour. No mail? An administrator can make you a link on the People page.`,
  };
});

const resetSchema = z
  .object({ token: z.string().min(1).max(100), password: newPassword, confirm: z.string() })
  .refine((data) => data.password === data.confirm, { path: ['confirm'], message: 'The two passwords differ.' });

export const resetPasswordAction = publicAction(resetSchema, async ({ token, password }) => {
  if (!(await resetPassword(await getDb(), token, password))) {
    return { status: 'error', message: 'This link has expired or has already been used. Ask for a new one.' };
  }
  redirect('/signin?reset=done');
});
