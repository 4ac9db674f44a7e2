import type { Metadata } from 'next';
import { ActionForm } from '@/components/ui/action-form';
import { requirePermission } from '@/lib/auth/current-user';
import { saveSettingsAction } from '@/lib/settings/actions';
import { getSettings } from '@/lib/settings/queries';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requirePermission('settings:manage');
  const settings = await getSettings();
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Settings</h1>
      <ActionForm
        action={saveSettingsAction}
        submitLabel="Save settings"
        fields={[
          { name: 'title', label: 'Site title', defaultValue: settings.title, required: true },
          { name: 'description', label: 'Description', type: 'textarea', defaultValue: settings.description },
          { name: 'themeCredit', label: 'Theme credit', defaultValue: settings.themeCredit, hint: 'Shown in the footer.' },
          { name: 'postsPerPage', label: 'Posts per page', type: 'number', defaultValue: String(settings.postsPerPage) },
          {
            name: 'timeZone',
            label: 'Time zone',
            defaultValue: settings.timeZone,
            hint: 'For date headers and permalinks, e.g. UTC, Europe/London, America/New_York.',
          },
        ]}
      />
    </>
  );
}
