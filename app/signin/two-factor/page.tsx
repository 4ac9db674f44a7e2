import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { ActionForm } from '@/components/ui/action-form';
import { verifySecondFactorAction } from '@/lib/auth/actions';
import { getCurrentUser } from '@/lib/auth/current-user';
import { pendingSignIn } from '@/lib/auth/pending-sign-in';

export const metadata: Metadata = { title: 'Two-factor sign-in', robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string; use?: string }> };

/** The second step of signing in, reached only with the cookie a right password leaves (lib/auth/pending-sign-in). */
export default async function SecondFactorPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/dashboard');
  if (!(await pendingSignIn())) redirect('/signin');
  const { callbackUrl = '/dashboard', use } = await searchParams;
  const recovery = use === 'recovery';
  const other = `/signin/two-factor?${new URLSearchParams({ callbackUrl, ...(!recovery && { use: 'recovery' }) })}`;
  return (
    <AuthCard
      heading="Two-factor sign-in"
      footer={
        <p className="mt-6 text-center text-sm">
          <Link href="/signin" className="text-accent hover:underline">
            Start again
          </Link>
        </p>
      }
    >
      <p className="mb-4 text-sm">
        {recovery
          ? 'Type one of the recovery codes you kept when you set up two-factor sign-in. Each works once.'
          : 'Type the code your authenticator app shows for this site.'}
      </p>
      <ActionForm
        // Keyed by the step, so switching between them starts a fresh form.
        key={recovery ? 'recovery' : 'code'}
        action={verifySecondFactorAction}
        submitLabel="Verify"
        hidden={{ method: recovery ? 'recovery' : 'code', callbackUrl }}
        fields={[
          {
            name: 'code',
            label: recovery ? 'Recovery code' : 'Authentication code',
            autoComplete: recovery ? 'off' : 'one-time-code',
            required: true,
          },
        ]}
      />
      <p className="mt-4 text-sm">
        <Link href={other} className="text-accent hover:underline">
          {recovery ? 'Use a code from your app' : 'Use a recovery code'}
        </Link>
      </p>
    </AuthCard>
  );
}
