import { DataTable } from '@/components/ui/data-table';
import { commentMessages } from '@/lib/comments/messages';
import type { ModerationLogEntry } from '@/lib/comments/queue';

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
const messages = commentMessages.moderators;

/** Who decided what about which comment, newest first. */
export function ModerationLog({ entries }: { entries: ModerationLogEntry[] }) {
  if (entries.length === 0) return <p className="text-muted">{messages.emptyLog}</p>;
  return (
    <DataTable headings={['When (UTC)', 'Who', 'Decision', 'Comment', 'Why']}>
      {entries.map((entry) => (
        <tr key={entry.id} className="border-b border-rule">
          <td className="p-3">{when.format(entry.createdAt)}</td>
          <td className="p-3">{entry.actorName ?? messages.formerActor}</td>
          <td className="p-3">{messages.logVerbs[entry.action]}</td>
          <td className="p-3">{entry.commentId ?? 'deleted'}</td>
          <td className="p-3">{entry.detail}</td>
        </tr>
      ))}
    </DataTable>
  );
}
