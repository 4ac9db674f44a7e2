import type { Metadata } from 'next';
import { ModerationLog } from '@/components/dashboard/moderation-log';
import { PageHeading } from '@/components/dashboard/page-heading';
import { requirePermission } from '@/lib/auth/current-user';
import { loadModerationLog } from '@/lib/comments/queue';

export const metadata: Metadata = { title: 'Moderation log' };

export default async function ModerationLogPage() {
  await requirePermission('comments:moderate');
  return (
    <>
      <PageHeading title="Moderation log" links={[{ href: '/dashboard/comments', label: 'Back to the queues' }]} />
      <ModerationLog entries={await loadModerationLog()} />
    </>
  );
}
