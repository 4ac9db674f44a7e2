import { formatCommentText } from '@/lib/comments/format';

type Props = { authorName: string; body: string; post: { title: string; path: string } };

/** The comment a reader is replying to or reporting, with the way back to it on its article. */
export function QuotedComment({ authorName, body, post }: Props) {
  return (
    <>
      <p className="mb-4">
        On{' '}
        <a href={post.path} className="font-semibold text-accent hover:underline">
          {post.title}
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
