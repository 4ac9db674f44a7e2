import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ActionForm } from '@/components/ui/action-form';
import { resetPasswordAction } from '@/lib/auth/actions';
import { accountForResetLink } from '@/lib/auth/password-reset';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';

// Rendered per request and never cached: the answer depends on the link's state, and the token stays off disk.
export const dynamic = 'force-dynamic';
// The token is in the address: no other site may learn it from the Referer. (Not `no-referrer`: the browser would
// then send the form with `Origin: null`, which Next refuses as a cross-site server action.)
export const metadata: Metadata = { title: 'Set a new password', robots: { index: false }, referrer: 'same-origin' };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const account = await accountForResetLink(token);
  if (!account) {
    return (
      <AuthCard heading="This link no longer works">
        <p className="mb-4">
          It has expired, or it has already been used: each link sets a password once, within an hour.
        </p>
        <Link href="/signin/reset" className="font-semibold text-accent hover:underline">
          Ask for a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard heading="Set a new password">
      <p className="mb-4 text-sm text-muted">
        For {account.email}. Anyone signed in to this account elsewhere will be signed out.
      </p>
      <ActionForm
        action={resetPasswordAction}
        submitLabel="Set password"
        hidden={{ token }}
        fields={[
          {
            name: 'password',
            label: 'New password',
            type: 'password',
            required: true,
            autoComplete: 'new-password',
            hint: `At least ${MIN_PASSWORD_LENGTH} characters.`,
          },
          {
            name: 'confirm',
            label: 'New password again',
            type: 'password',
            required: true,
            autoComplete: 'new-password',
          },
        ]}
      />
    </AuthCard>
  );
}
