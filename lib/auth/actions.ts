'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { formValues, type FormState } from '@/lib/form-state';
import { signIn, signOut } from './auth';

/** Only our own dashboard pages are valid places to return to after signing in. */
function safeCallback(value: FormDataEntryValue | null): string {
  const url = typeof value === 'string' ? value : '';
  return /^\/dashboard(\/[\w\-/?=&%.]*)?$/.test(url) ? url : '/dashboard';
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { email = '', password = '' } = formValues(formData);
  const values = { email };
  if (!email.trim() || !password) {
    return { status: 'error', message: 'Enter your email and password.', values };
  }
  try {
    await signIn('credentials', { email, password, redirectTo: safeCallback(formData.get('callbackUrl')) });
  } catch (error) {
    // Success ends in a redirect, which is thrown too: only Auth.js's own errors are ours to show.
    if (!(error instanceof AuthError)) throw error;
    const code = error instanceof CredentialsSignin ? error.code : '';
    if (code.startsWith('locked:')) {
      const minutes = Number(code.slice('locked:'.length));
      return {
        status: 'error',
        message: `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        values,
      };
    }
    return { status: 'error', message: 'That email and password do not match an account.', values };
  }
  return { status: 'ok', values };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/signin' });
}
