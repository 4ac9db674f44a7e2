import 'server-only';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import { getSettings } from '@/lib/settings/queries';
import { auth } from './auth';
import { can, type Action } from './permissions';
import { userOfSession, type CurrentUser } from './session-user';
import { mustSetUpSecondFactor, SECOND_FACTOR_SETUP_PATH } from './second-factor-rule';

export type { CurrentUser };

/**
 * The signed-in person, read fresh from the database on every request (once, however many components ask; see
 * userOfSession). Null when signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? userOfSession(await getDb(), { id, signedInAt: session.signedInAt }) : null;
});

/**
 * For every server action, route handler and dashboard page: 401 when signed out, 403 without the permission.
 * While the site requires a second factor of someone who has none, everything but setting one up ('account:secure')
 * sends them to set it up.
 */
export async function requirePermission(action: Action): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) unauthorized();
  if (!can(user.role, action)) forbidden();
  if (action !== 'account:secure' && mustSetUpSecondFactor(user, await getSettings())) {
    redirect(SECOND_FACTOR_SETUP_PATH);
  }
  return user;
}
