import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { setupAction } from '@/lib/people/actions';
import { isSetUp } from '@/lib/people/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set up Broadsheet', robots: { index: false } };

/** First run on a new database: create the administrator. Once anyone exists, this page is gone. */
export default async function SetupPage() {
  if (await isSetUp()) notFound();
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <h1 className="mb-2 font-serif text-3xl font-bold">Welcome to Broadsheet</h1>
      <p className="mb-6 text-muted">
        Create the administrator account. You can invite your newsroom from the dashboard next.
      </p>
      <ActionForm
        action={setupAction}
        submitLabel="Create administrator"
        fields={[
          { name: 'name', label: 'Name', required: true },
          { name: 'email', label: 'Email', type: 'email', required: true, autoComplete: 'username' },
          {
            name: 'password',
            label: 'Password',
            type: 'password',
            autoComplete: 'new-password',
            hint: 'At least 10 characters.',
          },
        ]}
      />
    </main>
  );
}
