import type { Metadata } from 'next';
import Link from 'next/link';
import { NewRecoveryCodes } from '@/components/auth/new-recovery-codes';
import { PageHeading } from '@/components/dashboard/page-heading';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { requirePermission } from '@/lib/auth/current-user';
import { mayTurnOffSecondFactor } from '@/lib/auth/second-factor-rule';
import {
  replaceRecoveryCodesAction,
  startTwoFactorSetupAction,
  turnOffTwoFactorAction,
} from '@/lib/auth/two-factor-actions';
import { twoFactorOf } from '@/lib/auth/two-factor-view';
import { changePasswordAction, updateProfileAction } from '@/lib/people/actions';
import { getSettings } from '@/lib/settings/queries';

export const metadata: Metadata = { title: 'Profile' };

type Props = { searchParams: Promise<{ password?: string; 'two-factor'?: string }> };

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export default async function ProfilePage({ searchParams }: Props) {
  const user = await requirePermission('dashboard:view');
  const { password, 'two-factor': twoFactor } = await searchParams;
  const [status, settings] = await Promise.all([twoFactorOf(user.id), getSettings()]);
  return (
    <>
      <PageHeading title="Your profile" />
      <ActionForm
        action={updateProfileAction}
        submitLabel="Save profile"
        fields={[
          { name: 'name', label: 'Name', defaultValue: user.name, required: true },
          {
            name: 'bio',
            label: 'Bio',
            type: 'textarea',
            defaultValue: user.bio,
            hint: 'Shown on your author page and under your posts.',
          },
          { name: 'image', label: 'Avatar URL', defaultValue: user.image ?? '' },
        ]}
      />
      <h2 className="mb-4 mt-10 font-serif text-2xl font-bold">Change password</h2>
      {password === 'changed' && (
        <div className="max-w-xl">
          <Notice tone="ok">Password changed. Anywhere else you were signed in, you are signed out.</Notice>
        </div>
      )}
      <ActionForm
        action={changePasswordAction}
        submitLabel="Change password"
        fields={[
          { name: 'current', label: 'Current password', type: 'password', autoComplete: 'current-password' },
          {
            name: 'next',
            label: 'New password',
            type: 'password',
            autoComplete: 'new-password',
            hint: 'At least 10 characters.',
          },
        ]}
      />
      <h2 className="mb-4 mt-10 font-serif text-2xl font-bold">Two-factor sign-in</h2>
      <div className="max-w-xl space-y-4">
        {twoFactor === 'off' && (
          <Notice tone="ok">Two-factor sign-in is off. You sign in with your password alone.</Notice>
        )}
        {status.since ? (
          <>
            <p>
              On since {when.format(status.since)}: signing in asks for a code from your authenticator app after your
              password. {status.recoveryCodesLeft} of your recovery codes are left.
            </p>
            <NewRecoveryCodes action={replaceRecoveryCodesAction} />
            {mayTurnOffSecondFactor(user.role, settings) ? (
              <ActionForm
                action={turnOffTwoFactorAction}
                submitLabel="Turn off two-factor sign-in"
                fields={[
                  {
                    name: 'codeOrPassword',
                    label: 'Authentication code or password',
                    type: 'password',
                    autoComplete: 'current-password',
                    hint: 'A code your app shows now, or your password.',
                  },
                ]}
              />
            ) : (
              <p>This site requires it of admins and editors.</p>
            )}
          </>
        ) : (
          <>
            <p>
              Off. With it on, signing in asks for your password and then for a code from an authenticator app on your
              phone, so a stolen password alone does not open your account.{' '}
              <Link href="/dashboard/profile/two-factor" className="text-accent underline">
                More about it
              </Link>
            </p>
            <form action={startTwoFactorSetupAction}>
              <Button type="submit">Set up two-factor sign-in</Button>
            </form>
          </>
        )}
      </div>
    </>
  );
}
