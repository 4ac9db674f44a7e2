import { commentCountLabel } from '@/lib/comments/thread';
import { postPath } from '@/lib/posts/permalink';
import type { PostSummary } from '@/lib/posts/queries';
import { CoverImage } from './cover-image';
import { PostMeta } from './post-meta';

type Props = { post: PostSummary; commentCount: number; timeZone: string; priority?: boolean };

export function PostCard({ post, commentCount, timeZone, priority }: Props) {
  const href = postPath(post, timeZone);
  return (
    <article className="post-card" aria-labelledby={`post-${post.id}`}>
      <h3 id={`post-${post.id}`}>
        <a href={href}>{post.title}</a>
      </h3>
      <PostMeta post={post} timeZone={timeZone} />
      {post.coverImage && (
        <div className="mt-4">
          <CoverImage src={post.coverImage} alt={post.coverAlt} priority={priority} />
        </div>
      )}
      <p>{post.excerpt}</p>
      <p className="post-links">
        <a href={href}>
          Read more<span className="sr-only">: {post.title}</span>
        </a>
        <a href={`${href}#comments`}>
          {commentCountLabel(commentCount)}
          <span className="sr-only"> on {post.title}</span>
        </a>
      </p>
    </article>
  );
}
