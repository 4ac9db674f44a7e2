import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ActionForm } from '@/components/ui/action-form';
import { requestPasswordResetAction } from '@/lib/auth/actions';

export const metadata: Metadata = { title: 'Reset your password', robots: { index: false } };

export default function RequestResetPage() {
  return (
    <AuthCard
      heading="Reset your password"
      footer={
        <p className="mt-6 text-center text-sm">
          <Link href="/signin" className="text-accent hover:underline">
            Back to sign in
          </Link>
        </p>
      }
    >
      <p className="mb-4 text-sm text-muted">
        Give the email you sign in with, and we will mail it a link to set a new password.
      </p>
      <ActionForm
        action={requestPasswordResetAction}
        submitLabel="Mail me a link"
        fields={[{ name: 'email', label: 'Email', type: 'email', required: true, autoComplete: 'username' }]}
      />
    </AuthCard>
  );
}
