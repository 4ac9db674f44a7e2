import { formatCommentText } from '@/lib/comments/format';
import type { ThreadNode } from '@/lib/comments/thread';
import type { PublicComment } from '@/lib/comments/queries';

type Node = ThreadNode<PublicComment>;

const commentTime = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone });

/** Approved comments as nested threads. Bodies are plain text: React escapes them; only URLs become links. */
export function CommentList({ threads, timeZone }: { threads: Node[]; timeZone: string }) {
  return (
    <ol className="space-y-6">
      {threads.map((comment) => (
        <CommentItem key={comment.id} comment={comment} timeZone={timeZone} depth={0} />
      ))}
    </ol>
  );
}

function CommentItem({ comment, timeZone, depth }: { comment: Node; timeZone: string; depth: number }) {
  return (
    <li id={`comment-${comment.id}`} className="scroll-mt-4">
      <article aria-label={`Comment by ${comment.authorName}`} className="rounded border border-rule bg-white p-4">
        <p className="text-sm">
          <span className="font-semibold">{comment.authorName}</span>{' '}
          <time dateTime={comment.createdAt.toISOString()} className="text-muted">
            {commentTime(timeZone).format(comment.createdAt)}
          </time>
        </p>
        <div className="mt-2 space-y-2 leading-relaxed">
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
      </article>
      {comment.replies.length > 0 && (
        // Indent the first levels only, so deep threads stay readable on a phone.
        <ol className={`mt-4 space-y-4 ${depth < 3 ? 'ml-4 border-l-2 border-rule pl-4 sm:ml-6' : ''}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} timeZone={timeZone} depth={depth + 1} />
          ))}
        </ol>
      )}
    </li>
  );
}
