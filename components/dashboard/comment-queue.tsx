import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { QueueDecisions, QueueRow } from '@/components/dashboard/queue-decisions';
import { decisionKeys } from '@/components/dashboard/queue-keys';
import { blockCommenterAction, moderateCommentsAction } from '@/lib/comments/actions';
import { commentMessages } from '@/lib/comments/messages';
import type { ModerationDecision } from '@/lib/comments/moderation';
import { queues, type Queue, type QueueFilter, type QueuePage } from '@/lib/comments/queue';

const queueNames: Record<Queue, string> = {
  pending: 'Pending',
  reported: 'Reported',
  approved: 'Approved',
  rejected: 'Rejected',
  spam: 'Spam',
};
// The buttons that make sense for comments in each queue.
const buttons: Record<Queue, [ModerationDecision, string][]> = {
  pending: [
    ['approve', 'Approve'],
    ['reject', 'Reject'],
    ['spam', 'Spam'],
  ],
  reported: [
    ['approve', 'Keep'],
    ['reject', 'Reject'],
    ['spam', 'Spam'],
    ['delete', 'Delete'],
  ],
  approved: [
    ['reject', 'Reject'],
    ['spam', 'Spam'],
    ['delete', 'Delete'],
  ],
  rejected: [
    ['restore', 'Restore'],
    ['approve', 'Approve'],
    ['delete', 'Delete'],
  ],
  spam: [
    ['restore', 'Restore'],
    ['approve', 'Approve'],
    ['delete', 'Delete'],
  ],
};
// Each row offers the same decisions, but not Delete: one click should never lose a comment for good.
const rowButtons = (queue: Queue) => buttons[queue].filter(([decision]) => decision !== 'delete');
const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const messages = commentMessages.moderators;

type Props = QueuePage & {
  filter: QueueFilter;
  /** From the address the moderation actions send the moderator back to. */
  notice: { error?: string; blocked?: string };
};

/**
 * A moderation queue: tabs with counts, a filter, and the comments with bulk decisions, and on each row its own
 * decisions (one click, or a key on the focused row) and block buttons.
 */
export function CommentQueue({ filter, counts, comments, commentedPosts, hasMore, notice }: Props) {
  const { queue, post, q, page } = filter;
  const query = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(
      Object.entries({ queue, post: post?.toString(), q, ...changes }).filter((e): e is [string, string] =>
        Boolean(e[1]),
      ),
    );
    return `/dashboard/comments?${next}`;
  };
  const back = query({ page: page > 1 ? String(page) : undefined });
  const keys = Object.entries(decisionKeys).flatMap(([key, decision]) => {
    const button = rowButtons(queue).find(([value]) => value === decision);
    return button ? [`${key} ${button[1].toLowerCase()}`] : [];
  });
  return (
    <>
      <nav aria-label="Queues" className="mb-4 flex flex-wrap gap-2 text-sm">
        {queues.map((name) => (
          <Link
            key={name}
            href={query({ queue: name, page: undefined })}
            aria-current={name === queue ? 'page' : undefined}
            className={`rounded border px-3 py-1 font-semibold ${name === queue ? 'border-ink bg-ink text-white' : 'border-rule bg-white hover:border-ink'}`}
          >
            {queueNames[name]} <span className="font-normal">({counts[name]})</span>
          </Link>
        ))}
      </nav>
      {notice.error === 'select' && <Notice tone="error">{messages.selectFirst}</Notice>}
      {notice.error === 'undo' && <Notice tone="error">{messages.undoRefused}</Notice>}
      {notice.blocked && <Notice tone="ok">{messages.blocked(notice.blocked)}</Notice>}
      <form role="search" aria-label="Filter comments" className="mb-6 flex flex-wrap items-end gap-3">
        <input type="hidden" name="queue" value={queue} />
        <label className="text-sm font-semibold">
          Post
          <select name="post" defaultValue={post ?? ''} className={inputClass()}>
            <option value="">All posts</option>
            {commentedPosts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-semibold">
          Text contains
          <input type="search" name="q" defaultValue={q ?? ''} className={inputClass()} />
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>

      {comments.length === 0 ? (
        <p className="text-muted">{messages.emptyQueue}</p>
      ) : (
        <QueueDecisions back={back}>
          {/* The row checkboxes belong to this form through their `form` attribute: each row has a form of its own. */}
          <form
            id="bulk-moderation"
            action={moderateCommentsAction}
            className="sticky top-0 z-10 mb-3 flex flex-wrap items-center gap-2 border-b border-rule bg-gray-50 py-2"
          >
            <input type="hidden" name="back" value={back} />
            <span className="text-sm">With the selected:</span>
            {buttons[queue].map(([value, label]) => (
              <Button
                key={value}
                type="submit"
                name="decision"
                value={value}
                variant={value === 'approve' ? 'primary' : 'secondary'}
              >
                {label}
              </Button>
            ))}
          </form>
          {keys.length > 0 && (
            <p className="mb-3 text-sm text-muted">Keys: {keys.join(' · ')} on the focused comment</p>
          )}
          <ul className="space-y-3">
            {comments.map((comment) => (
              <QueueRow
                key={comment.id}
                id={comment.id}
                author={comment.authorName}
                className="rounded border border-rule bg-white p-4"
              >
                <div className="flex gap-3">
                  <input
                    type="checkbox"
                    form="bulk-moderation"
                    name="ids"
                    value={comment.id}
                    id={`select-${comment.id}`}
                    aria-label={`Select the comment by ${comment.authorName}`}
                    className="mt-1 h-4 w-4"
                  />
                  <div className="min-w-0 flex-1">
                    <p className="text-sm">
                      <strong data-comment-author>{comment.authorName}</strong>{' '}
                      {comment.authorEmail && <span className="text-muted">&lt;{comment.authorEmail}&gt;</span>}{' '}
                      {comment.authorUserId && <span className="rounded bg-ink px-1 text-xs text-white">Staff</span>} on{' '}
                      <Link
                        href={query({ post: String(comment.postId), page: undefined })}
                        className="font-semibold hover:text-accent"
                      >
                        {comment.postTitle}
                      </Link>{' '}
                      <span className="text-muted">{when.format(comment.createdAt)} UTC</span>
                    </p>
                    {/* Plain text, escaped by React: nothing a commenter writes is interpreted. */}
                    <p className="mt-2 whitespace-pre-wrap break-words" data-comment-body>
                      {comment.body}
                    </p>
                    {comment.reason && (
                      <p className="mt-2 text-sm text-accent-dark">
                        {comment.status === 'pending' ? 'Held because' : 'Reason'}: {comment.reason}
                      </p>
                    )}
                    {comment.reports.length > 0 && (
                      <p className="mt-2 text-sm text-accent-dark">{messages.reports(comment.reports)}</p>
                    )}
                    {/* This comment's own decisions: the same action as the bulk bar, with this one id. */}
                    <form action={moderateCommentsAction} className="mt-3 flex flex-wrap gap-2 text-sm">
                      <input type="hidden" name="back" value={back} />
                      <input type="hidden" name="ids" value={comment.id} />
                      <input type="hidden" name="inPlace" value="yes" />
                      {rowButtons(queue).map(([value, label]) => (
                        <Button
                          key={value}
                          type="submit"
                          name="decision"
                          value={value}
                          data-decision={value}
                          aria-label={`${label} comment by ${comment.authorName}`}
                          variant={value === 'approve' ? 'primary' : 'secondary'}
                          className="px-3 py-1"
                        >
                          {label}
                        </Button>
                      ))}
                      {blockable(comment).map(([kind, label]) => (
                        <Button
                          key={kind}
                          type="submit"
                          formAction={blockCommenterAction}
                          name="block"
                          value={`${kind}:${comment.id}`}
                          variant="secondary"
                          className="px-2 py-1"
                        >
                          {label}
                          <span className="sr-only"> of {comment.authorName}</span>
                        </Button>
                      ))}
                    </form>
                  </div>
                </div>
              </QueueRow>
            ))}
          </ul>
        </QueueDecisions>
      )}
      <nav aria-label="Pagination" className="mt-4 flex justify-between text-sm">
        <span>{page > 1 && <Link href={query({ page: String(page - 1) })}>← Newer</Link>}</span>
        <span>{hasMore && <Link href={query({ page: String(page + 1) })}>Older →</Link>}</span>
      </nav>
    </>
  );
}

/** What a moderator can block of a comment's author: the email when one was given, the network when it is known. */
function blockable(comment: { authorEmail: string | null; ipHash: string | null }) {
  const kinds: ['email' | 'ip', string][] = [];
  if (comment.authorEmail) kinds.push(['email', 'Block email']);
  if (comment.ipHash) kinds.push(['ip', 'Block network']);
  return kinds;
}
