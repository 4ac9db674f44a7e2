'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { publicAction, publicButtonAction } from '@/lib/actions';
import { clientIp } from '@/lib/request/client-address';
import { signOut } from './auth';
import { newPassword } from './password';
import { RESET_LINK_HOURS, requestPasswordReset, resetPassword } from './password-reset';
import { endPendingSignIn, pendingSignIn, startPendingSignIn } from './pending-sign-in';
import { normalizeRecoveryCode } from './recovery-codes';
import { openSession } from './session';
import { authenticate, credentialsSchema } from './sign-in';
import { normalizeTotpCode } from './totp';
import { checkSecondFactor } from './two-factor';

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
    const credentials = credentialsSchema.safeParse({ email, password });
    const result = credentials.success
      ? await authenticate(await getDb(), credentials.data.email, credentials.data.password, clientIp(await headers()))
      : ({ ok: false, reason: 'invalid' } as const);
    if (!result.ok && result.reason === 'locked') {
      return {
        status: 'error',
        message: `Too many failed sign-in attempts. Try again in ${minutes(result.retryAfterMinutes)}.`,
        values,
      };
    }
    if (!result.ok) return { status: 'error', message: 'That email and password do not match an account.', values };
    const next = safeCallback(callbackUrl);
    if (result.secondFactor) {
      // No session yet: the code step knows the account from a signed, short-lived cookie.
      await startPendingSignIn(result.user.id);
      redirect(`/signin/two-factor?${new URLSearchParams({ callbackUrl: next })}`);
    }
    await openSession(result.user.id, { redirectTo: next });
    return { status: 'ok', values };
  },
  { invalidMessage: 'Enter your email and password.' },
);

const secondFactorSchema = z
  .object({
    method: z.enum(['code', 'recovery']),
    code: z.string().trim().max(100),
    callbackUrl: z.string().optional(),
  })
  .superRefine(({ method, code }, context) => {
    if (method === 'code' && !normalizeTotpCode(code))
      context.addIssue({ code: 'custom', path: ['code'], message: 'Enter the 6 digits your app shows.' });
    if (method === 'recovery' && !normalizeRecoveryCode(code))
      context.addIssue({
        code: 'custom',
        path: ['code'],
        message: 'Enter a recovery code as it was given: 10 letters and digits.',
      });
  });

/** The code step of signing in: only with the cookie a right password left, and under the same limits. */
export const verifySecondFactorAction = publicAction(
  secondFactorSchema,
  async ({ method, code, callbackUrl }) => {
    const pending = await pendingSignIn();
    if (!pending) return { status: 'error', message: 'This sign-in has expired. Start again with your password.' };
    const result = await checkSecondFactor(
      await getDb(),
      { accountId: pending.accountId, passwordAt: pending.issuedAt },
      { method, code },
      clientIp(await headers()),
    );
    if (!result.ok && result.reason === 'locked') {
      return {
        status: 'error',
        message: `Too many failed attempts. Try again in ${minutes(result.retryAfterMinutes)}.`,
      };
    }
    if (!result.ok) {
      const message =
        method === 'code'
          ? 'That code is not right. Type the one your app shows now.'
          : 'That recovery code is not right, or it has been used.';
      return { status: 'error', message, fieldErrors: { code: message } };
    }
    await endPendingSignIn();
    await openSession(pending.accountId, { redirectTo: safeCallback(callbackUrl) });
    return { status: 'ok' };
  },
  { invalidMessage: 'Check the code and try again.' },
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
