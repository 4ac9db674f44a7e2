import { formatCommentText } from '@/lib/comments/format';

type Props = { authorName: string; body: string; postTitle: string; address: string };

/** The comment a reader is replying to or reporting, under a link back to it (`address`) on its article. */
export function QuotedComment({ authorName, body, postTitle, address }: Props) {
  return (
    <>
      <p className="mb-4">
        On{' '}
        <a href={address} className="font-semibold text-accent hover:underline">
          {postTitle}
        </a>
      </p>
      <blockquote className="mb-6 rounded border-l-4 border-rule bg-white p-4">
        <p className="mb-2 text-sm font-semibold">{authorName} wrote:</p>
        {formatCommentText(body).map((paragraph, i) => (
          <p key={i} className="break-words">
            {paragraph.map((segment) => segment.text).join('')}
          </p>
        ))}
      </blockquote>
    </>
  );
}
