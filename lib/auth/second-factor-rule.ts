import type { Role } from './permissions';

/** The roles the site's "require two-factor sign-in" setting applies to: those who can change what others publish. */
export const secondFactorRoles: readonly Role[] = ['admin', 'editor'];

/** Whether someone must have two-factor sign-in before they may do anything else in the dashboard. */
export function mustSetUpSecondFactor(
  person: { role: Role; totpEnabledAt: Date | null },
  settings: { requireTwoFactor: boolean },
): boolean {
  return settings.requireTwoFactor && secondFactorRoles.includes(person.role) && !person.totpEnabledAt;
}

/** Whether someone may turn theirs off (not while the setting requires it of their role). */
export const mayTurnOffSecondFactor = (role: Role, settings: { requireTwoFactor: boolean }): boolean =>
  !(settings.requireTwoFactor && secondFactorRoles.includes(role));

export const SECOND_FACTOR_SETUP_PATH = '/dashboard/profile/two-factor';
