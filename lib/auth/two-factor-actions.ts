'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authorizedAction, authorizedButtonAction } from '@/lib/actions';
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/request/client-address';
import { getSettings } from '@/lib/settings/queries';
import { mayTurnOffSecondFactor, SECOND_FACTOR_SETUP_PATH } from './second-factor-rule';
import { normalizeTotpCode } from './totp';
import { replaceRecoveryCodes, startSetup, turnOff, turnOn } from './two-factor';

/** Anyone's own second factor ('account:secure': allowed even while the site is waiting for them to set one up). */

export const startTwoFactorSetupAction = authorizedButtonAction('account:secure', z.object({}), async (_, user) => {
  if (!user.totpEnabledAt) await startSetup(await getDb(), user.id);
  redirect(SECOND_FACTOR_SETUP_PATH);
});

const wrongCode = 'That code is not right. Type the one your app shows now.';
const locked = (minutes: number) => `Too many failed attempts. Try again in ${minutes} minutes.`;

export const turnOnTwoFactorAction = authorizedAction(
  'account:secure',
  z.object({
    code: z.string().refine((code) => normalizeTotpCode(code) !== null, 'Enter the 6 digits your app shows.'),
  }),
  async ({ code }, user) => {
    const result = await turnOn(await getDb(), user.id, code);
    if (!result.ok && result.reason === 'no-setup') {
      return { status: 'error', message: 'Nothing is being set up: press “Set up two-factor sign-in” first.' };
    }
    if (!result.ok) return { status: 'error', message: wrongCode, fieldErrors: { code: wrongCode } };
    return { status: 'ok', message: 'Two-factor sign-in is on.', secrets: result.recoveryCodes, values: {} };
  },
  { invalidMessage: 'Check the code and try again.' },
);

export const turnOffTwoFactorAction = authorizedAction(
  'account:secure',
  z.object({
    codeOrPassword: z.string().min(1, 'Enter a code from your app, or your password.').max(1000),
  }),
  async ({ codeOrPassword }, user) => {
    if (!mayTurnOffSecondFactor(user.role, await getSettings())) {
      return { status: 'error', message: 'This site requires two-factor sign-in of admins and editors.' };
    }
    const result = await turnOff(await getDb(), user.id, codeOrPassword, clientIp(await headers()));
    if (!result.ok && result.reason === 'locked') return { status: 'error', message: locked(result.retryAfterMinutes) };
    if (!result.ok) {
      const message = 'That is neither a current code from your app nor your password.';
      return { status: 'error', message, fieldErrors: { codeOrPassword: message } };
    }
    revalidatePath('/dashboard/profile');
    redirect('/dashboard/profile?two-factor=off');
  },
);

export const replaceRecoveryCodesAction = authorizedAction(
  'account:secure',
  z.object({
    code: z.string().refine((code) => normalizeTotpCode(code) !== null, 'Enter the 6 digits your app shows.'),
  }),
  async ({ code }, user) => {
    const result = await replaceRecoveryCodes(await getDb(), user.id, code, clientIp(await headers()));
    if (!result.ok && result.reason === 'locked') return { status: 'error', message: locked(result.retryAfterMinutes) };
    if (!result.ok) return { status: 'error', message: wrongCode, fieldErrors: { code: wrongCode } };
    revalidatePath('/dashboard/profile');
    return {
      status: 'ok',
      message: 'New recovery codes made: the old ones no longer work.',
      secrets: result.recoveryCodes,
      values: {},
    };
  },
  { invalidMessage: 'Check the code and try again.' },
);
