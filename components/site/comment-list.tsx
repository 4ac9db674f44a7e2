import { formatCommentText } from '@/lib/comments/format';
import type { ThreadNode } from '@/lib/comments/thread';
import type { PublicComment } from '@/lib/comments/queries';
import { CommentActions } from './comment-actions';

type Node = ThreadNode<PublicComment>;
type FormProps = { postId: number; requireEmail: boolean; repliesByMail: boolean; open: boolean };
type Props = FormProps & { threads: Node[]; timeZone: string };

const commentTime = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone });

/**
 * Approved comments as nested threads. Bodies are plain text: React escapes them and only URLs become links.
 * "Reply" and "Report" link to pages with their forms, and open them in place with JavaScript.
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

function CommentItem({
  comment,
  timeZone,
  depth,
  form,
}: {
  comment: Node;
  timeZone: string;
  depth: number;
  form: FormProps;
}) {
  return (
    <li className="scroll-mt-4">
      <article id={`comment-${comment.id}`} aria-label={`Comment by ${comment.authorName}`} className="comment-card">
        <p className="text-sm">
          <span className="font-semibold" data-comment-author>
            {comment.authorName}
          </span>
          {comment.isStaff && (
            <span className="ml-2 rounded bg-ink px-1.5 py-0.5 text-xs font-semibold text-white">Staff</span>
          )}{' '}
          <time dateTime={comment.createdAt.toISOString()} className="text-muted">
            {commentTime(timeZone).format(comment.createdAt)}
          </time>
        </p>
        <div className="mt-2 space-y-2 break-words leading-relaxed" data-comment-body>
          {formatCommentText(comment.body).map((paragraph, i) => (
            <p key={i}>
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
        <CommentActions
          commentId={comment.id}
          authorName={comment.authorName}
          postId={form.postId}
          requireEmail={form.requireEmail}
          repliesByMail={form.repliesByMail}
          open={form.open}
        />
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
