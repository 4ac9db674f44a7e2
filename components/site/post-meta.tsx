import { authorPath, labelPath } from '@/lib/posts/permalink';
import type { PostSummary } from '@/lib/posts/queries';

const timeFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone });

/** "By Maya Okafor at 9:00 AM · Labels: Harbour, Town Council" */
export function PostMeta({ post, timeZone }: { post: PostSummary; timeZone: string }) {
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
      <p>
        By{' '}
        <a href={authorPath(post.author.slug)} rel="author" className="font-semibold text-ink hover:text-accent">
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
              <a href={labelPath(label.slug)} rel="tag" className="text-ink hover:text-accent">
                {label.name}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
