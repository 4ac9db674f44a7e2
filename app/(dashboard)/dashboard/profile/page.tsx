import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { ActionForm } from '@/components/ui/action-form';
import { Notice } from '@/components/ui/notice';
import { requirePermission } from '@/lib/auth/current-user';
import { changePasswordAction, updateProfileAction } from '@/lib/people/actions';

export const metadata: Metadata = { title: 'Profile' };

type Props = { searchParams: Promise<{ password?: string }> };

export default async function ProfilePage({ searchParams }: Props) {
  const user = await requirePermission('dashboard:view');
  const { password } = await searchParams;
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
    </>
  );
}
