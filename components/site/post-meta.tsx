import { authorPath, labelPath } from '@/lib/posts/permalink';
import type { PostSummary } from '@/lib/posts/queries';

const timeFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone });

/** "By Maya Okafor at 9:00 AM · Labels: Harbour, Town Council" */
export function PostMeta({ post, timeZone }: { post: PostSummary; timeZone: string }) {
  return (
    <div className="post-meta">
      <p>
        By{' '}
        <a href={authorPath(post.author.slug)} rel="author">
          {post.author.name}
        </a>{' '}
        at <time dateTime={post.publishedAt.toISOString()}>{timeFormat(timeZone).format(post.publishedAt)}</time>
      </p>
      {post.labels.length > 0 && (
        <p>
          Labels:{' '}
          {post.labels.map((label, i) => (
            <span key={label.slug}>
              {i > 0 && ', '}
              <a href={labelPath(label.slug)} rel="tag">
                {label.name}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
