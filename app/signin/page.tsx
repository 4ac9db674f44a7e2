import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Notice } from '@/components/ui/notice';
import { getCurrentUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string; reset?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/dashboard');
  const { callbackUrl, reset } = await searchParams;
  return (
    <AuthCard
      heading="Sign in"
      footer={<p className="mt-6 text-center text-sm text-muted">For the newsroom. Readers need no account.</p>}
    >
      {reset === 'done' && <Notice tone="ok">Your new password is set. Sign in with it.</Notice>}
      <SignInForm callbackUrl={callbackUrl ?? '/dashboard'} />
      <p className="mt-4 text-center text-sm">
        <Link href="/signin/reset" className="text-accent hover:underline">
          Forgot your password?
        </Link>
      </p>
    </AuthCard>
  );
}
