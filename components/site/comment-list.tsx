import { formatCommentText } from '@/lib/comments/format';
import type { ThreadNode } from '@/lib/comments/thread';
import type { PublicComment } from '@/lib/comments/queries';
import { CommentForm } from './comment-form';
import { ReportForm } from './report-form';

type Node = ThreadNode<PublicComment>;
type FormProps = { postId: number; token: string; requireEmail: boolean; open: boolean };
type Props = FormProps & { threads: Node[]; timeZone: string };

const commentTime = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone });

/**
 * Approved comments as nested threads. Bodies are plain text: React escapes them and only URLs become links.
 * "Reply" and "Report" open their forms with the URL's #fragment (CSS :target), so they work without JavaScript.
 */
export function CommentList({ threads, timeZone, ...form }: Props) {
  return (
    <ol className="space-y-6">
      {threads.map((comment) => (
        <CommentItem key={comment.id} comment={comment} timeZone={timeZone} depth={0} form={form} />
      ))}
    </ol>
  );
}

function CommentItem({ comment, timeZone, depth, form }: { comment: Node; timeZone: string; depth: number; form: FormProps }) {
  return (
    <li className="scroll-mt-4">
      <article
        id={`comment-${comment.id}`}
        aria-label={`Comment by ${comment.authorName}`}
        className="scroll-mt-4 rounded border border-rule bg-white p-4 target:ring-2 target:ring-accent"
      >
        <p className="text-sm">
          <span className="font-semibold" data-comment-author>
            {comment.authorName}
          </span>
          {comment.isStaff && <span className="ml-2 rounded bg-ink px-1.5 py-0.5 text-xs font-semibold text-white">Staff</span>}{' '}
          <time dateTime={comment.createdAt.toISOString()} className="text-muted">
            {commentTime(timeZone).format(comment.createdAt)}
          </time>
        </p>
        <div className="mt-2 space-y-2 leading-relaxed" data-comment-body>
          {formatCommentText(comment.body).map((paragraph, i) => (
            <p key={i} className="break-words">
              {paragraph.map((segment, j) =>
                segment.kind === 'link' ? (
                  <a key={j} href={segment.href} rel="ugc nofollow noopener" className="text-accent underline">
                    {segment.text}
                  </a>
                ) : (
                  segment.text
                ),
              )}
            </p>
          ))}
        </div>
        <p className="mt-3 flex gap-4 text-sm font-semibold">
          {form.open && (
            <a href={`#reply-${comment.id}`} className="text-accent hover:underline">
              Reply<span className="sr-only"> to {comment.authorName}</span>
            </a>
          )}
          <a href={`#report-${comment.id}`} className="text-muted hover:text-accent">
            Report<span className="sr-only"> the comment by {comment.authorName}</span>
          </a>
        </p>
        {form.open && (
          <div id={`reply-${comment.id}`} className="mt-4 hidden scroll-mt-4 border-t border-rule pt-4 target:block">
            <p className="mb-2 text-sm font-semibold">Reply to {comment.authorName}</p>
            <CommentForm postId={form.postId} parentId={comment.id} token={form.token} requireEmail={form.requireEmail} />
          </div>
        )}
        <div id={`report-${comment.id}`} className="mt-4 hidden scroll-mt-4 border-t border-rule pt-4 target:block">
          <ReportForm commentId={comment.id} />
        </div>
      </article>
      {comment.replies.length > 0 && (
        // Indent the first levels only, so deep threads stay readable on a phone.
        <ol className={`mt-4 space-y-4 ${depth < 3 ? 'ml-4 border-l-2 border-rule pl-4 sm:ml-6' : ''}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} timeZone={timeZone} depth={depth + 1} form={form} />
          ))}
        </ol>
      )}
    </li>
  );
}
