import type { Metadata } from 'next';
import { TurnOnTwoFactor } from '@/components/auth/turn-on-two-factor';
import { PageHeading } from '@/components/dashboard/page-heading';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { requirePermission } from '@/lib/auth/current-user';
import { mustSetUpSecondFactor } from '@/lib/auth/second-factor-rule';
import { startTwoFactorSetupAction, turnOnTwoFactorAction } from '@/lib/auth/two-factor-actions';
import { setupFor } from '@/lib/auth/two-factor-view';
import { getSettings } from '@/lib/settings/queries';

export const metadata: Metadata = { title: 'Two-factor sign-in' };

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export default async function TwoFactorPage() {
  // 'account:secure': the one page someone the site requires a second factor of can reach before they have one.
  const user = await requirePermission('account:secure');
  const [setup, settings] = await Promise.all([setupFor(user), getSettings()]);
  return (
    <>
      <PageHeading title="Two-factor sign-in" links={[{ href: '/dashboard/profile', label: 'Back to your profile' }]} />
      <div className="max-w-3xl space-y-4">
        {mustSetUpSecondFactor(user, settings) && (
          <Notice tone="error">
            This site requires two-factor sign-in of admins and editors. Set it up to go on to the dashboard.
          </Notice>
        )}
        <p>
          With two-factor sign-in, signing in asks for your password and then for a code from an authenticator app on
          your phone, so a stolen password alone does not open your account.
        </p>
        {user.totpEnabledAt && <p className="font-semibold">It is on since {when.format(user.totpEnabledAt)}.</p>}
        {!user.totpEnabledAt && !setup && (
          <form action={startTwoFactorSetupAction}>
            <Button type="submit">Set up two-factor sign-in</Button>
          </form>
        )}
        <TurnOnTwoFactor
          action={turnOnTwoFactorAction}
          setup={
            setup && {
              secretText: setup.secretText,
              picture: (
                // qrcode's SVG: squares only; what it encodes is data, never markup.
                <div
                  role="img"
                  aria-label="QR code of the key, for your authenticator app"
                  dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
                />
              ),
            }
          }
        />
      </div>
    </>
  );
}
