import 'server-only';
import { signIn } from './auth';
import { signToken } from './signed-tokens';

/**
 * Signs this browser in as an account whose every factor the caller has checked: Auth.js gets a ticket, valid for
 * a minute and never sent to the browser, instead of the password (which a second factor would stop there).
 * Like Auth.js's signIn, it ends in a redirect unless `redirect: false`.
 */
export async function openSession(accountId: string, options: { redirectTo: string } | { redirect: false }) {
  await signIn('credentials', { ticket: signToken('sign-in-tickets', accountId), ...options });
}
