import { commentCountLabel } from '@/lib/comments/thread';
import { postPath } from '@/lib/posts/permalink';
import type { PostSummary } from '@/lib/posts/queries';
import { CoverImage } from './cover-image';
import { PostMeta } from './post-meta';

type Props = { post: PostSummary; commentCount: number; timeZone: string; priority?: boolean };

export function PostCard({ post, commentCount, timeZone, priority }: Props) {
  const href = postPath(post, timeZone);
  return (
    <article className="mb-10" aria-labelledby={`post-${post.id}`}>
      <h3 id={`post-${post.id}`} className="mb-2 font-serif text-2xl font-bold leading-tight sm:text-3xl">
        <a href={href} className="hover:text-accent">
          {post.title}
        </a>
      </h3>
      <PostMeta post={post} timeZone={timeZone} />
      {post.coverImage && (
        <div className="mt-4">
          <CoverImage src={post.coverImage} alt={post.coverAlt} priority={priority} />
        </div>
      )}
      <p className="mt-4 font-serif text-lg leading-relaxed">{post.excerpt}</p>
      <p className="mt-3 flex flex-wrap gap-x-6 text-sm font-semibold">
        <a href={href} className="text-accent hover:underline">
          Read more<span className="sr-only">: {post.title}</span>
        </a>
        <a href={`${href}#comments`} className="text-muted hover:text-accent">
          {commentCountLabel(commentCount)}
          <span className="sr-only"> on {post.title}</span>
        </a>
      </p>
    </article>
  );
}
