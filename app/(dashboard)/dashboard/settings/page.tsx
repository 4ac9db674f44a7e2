import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { ActionForm } from '@/components/ui/action-form';
import { requirePermission } from '@/lib/auth/current-user';
import { saveSettingsAction } from '@/lib/settings/actions';
import { settingsMessages } from '@/lib/settings/messages';
import { getSettings } from '@/lib/settings/queries';

export const metadata: Metadata = { title: 'Settings' };

/** A setting that is on or off, as a choice of two answers in words; the action reads `yes` or `no`. */
function yesOrNo(name: string, label: string, value: boolean, answers: { yes: string; no: string }) {
  const options = [
    { value: 'yes', label: answers.yes },
    { value: 'no', label: answers.no },
  ];
  return { name, label, type: 'select' as const, defaultValue: value ? 'yes' : 'no', options };
}

export default async function SettingsPage() {
  await requirePermission('settings:manage');
  const settings = await getSettings();
  return (
    <>
      <PageHeading title="Settings" links={[{ href: '/dashboard/settings/menu', label: 'Header menu' }]} />
      <ActionForm
        action={saveSettingsAction}
        submitLabel="Save settings"
        fields={[
          { name: 'title', label: 'Site title', defaultValue: settings.title, required: true },
          { name: 'description', label: 'Description', type: 'textarea', defaultValue: settings.description },
          {
            name: 'themeCredit',
            label: 'Theme credit',
            defaultValue: settings.themeCredit,
            hint: 'Shown in the footer.',
          },
          {
            name: 'postsPerPage',
            label: 'Posts per page',
            type: 'number',
            defaultValue: String(settings.postsPerPage),
          },
          {
            name: 'timeZone',
            label: 'Time zone',
            defaultValue: settings.timeZone,
            hint: 'For date headers and permalinks, e.g. UTC, Europe/London, America/New_York.',
          },
          {
            name: 'moderationMode',
            label: 'New comments',
            type: 'select',
            defaultValue: settings.moderationMode,
            options: Object.entries(settingsMessages.moderationMode).map(([value, label]) => ({ value, label })),
          },
          {
            name: 'commentsCloseAfterDays',
            label: 'Close comments after (days)',
            type: 'number',
            defaultValue: settings.commentsCloseAfterDays?.toString() ?? '',
            hint: 'Empty keeps comments open.',
          },
          {
            name: 'maxLinks',
            label: 'Hold comments with more links than',
            type: 'number',
            defaultValue: String(settings.maxLinks),
          },
          {
            name: 'suspectWords',
            label: 'Suspect words (held)',
            type: 'textarea',
            defaultValue: settings.suspectWords,
            hint: 'One word or phrase per line.',
          },
          {
            name: 'blockedWords',
            label: 'Blocked words (refused)',
            type: 'textarea',
            defaultValue: settings.blockedWords,
            hint: 'One word or phrase per line.',
          },
          {
            name: 'maxReplyDepth',
            label: 'Replies nest this many levels deep',
            type: 'number',
            defaultValue: String(settings.maxReplyDepth),
            hint: '1 keeps every comment at the top level. A reply to the deepest level joins that level.',
          },
          yesOrNo('requireEmail', 'Commenters must give an email', settings.requireEmail, {
            yes: 'Yes',
            no: 'No, email is optional',
          }),
          {
            name: 'minSubmitSeconds',
            label: 'Minimum seconds before a comment can be sent',
            type: 'number',
            defaultValue: String(settings.minSubmitSeconds),
            hint: 'Bots submit instantly; people do not.',
          },
          yesOrNo('feedFullText', 'RSS feeds carry', settings.feedFullText, {
            yes: 'Whole posts',
            no: 'Excerpts, with a link to the post',
          }),
          yesOrNo('mailFullText', 'Mails to followers carry', settings.mailFullText, {
            yes: 'Whole posts',
            no: 'Excerpts, with a link to the post',
          }),
          yesOrNo('requireTwoFactor', 'Two-factor sign-in', settings.requireTwoFactor, {
            yes: 'Required of admins and editors',
            no: 'Optional for everyone',
          }),
          {
            name: 'adsTxt',
            label: 'ads.txt',
            type: 'textarea',
            defaultValue: settings.adsTxt,
            hint: 'Served at /ads.txt. Leave empty if you sell your ads directly.',
          },
        ]}
      />
    </>
  );
}
