import type { Metadata } from 'next';
import { DataTable } from '@/components/ui/data-table';
import Link from 'next/link';
import { getDb } from '@/lib/db';
import { listModerationLog } from '@/db/queries/moderation';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Moderation log' };

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
const verbs = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'marked as spam',
  restore: 'restored',
  delete: 'deleted',
  block_email: 'blocked an email',
  block_ip: 'blocked a network',
} as const;

export default async function ModerationLogPage() {
  await requirePermission('comments:moderate');
  const entries = await listModerationLog(await getDb());
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Moderation log</h1>
      <p className="mb-6 text-sm">
        <Link href="/dashboard/comments" className="text-accent hover:underline">
          Back to the queues
        </Link>
      </p>
      {entries.length === 0 ? (
        <p className="text-muted">No decisions yet.</p>
      ) : (
        <DataTable headings={['When (UTC)', 'Who', 'Decision', 'Comment', 'Why']}>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-rule">
              <td className="p-3">{when.format(entry.createdAt)}</td>
              <td className="p-3">{entry.actorName ?? 'someone no longer here'}</td>
              <td className="p-3">{verbs[entry.action]}</td>
              <td className="p-3">{entry.commentId ?? 'deleted'}</td>
              <td className="p-3">{entry.detail}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
