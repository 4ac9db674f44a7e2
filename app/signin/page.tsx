import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getSettings } from '@/lib/settings/queries';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect('/dashboard');
  const [{ callbackUrl }, settings] = await Promise.all([searchParams, getSettings()]);
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <p className="mb-8 text-center font-serif text-3xl font-bold">
        <Link href="/">{settings.title}</Link>
      </p>
      <div className="rounded border border-rule bg-white p-6 shadow-sm">
        <h1 className="mb-4 font-serif text-2xl font-bold">Sign in</h1>
        <SignInForm callbackUrl={callbackUrl ?? '/dashboard'} />
      </div>
      <p className="mt-6 text-center text-sm text-muted">For the newsroom. Readers need no account.</p>
    </main>
  );
}
