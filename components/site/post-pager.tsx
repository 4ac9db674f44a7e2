import { postPath } from '@/lib/posts/permalink';
import { getAdjacentPosts } from '@/lib/posts/queries';
import { NewerHomeOlder } from './pager';

/** Under an article: the next newer and the next older live post, as Blogger's item pages link them. */
export async function PostPager({ post, timeZone }: { post: { id: number; publishedAt: Date }; timeZone: string }) {
  // Only the id and date, not the post: the arguments are the cache entry's key, and an article's body would be in it.
  const { newer, older } = await getAdjacentPosts({ id: post.id, publishedAt: post.publishedAt });
  return (
    <NewerHomeOlder
      label="Newer and older posts"
      noun="post"
      newerHref={newer ? postPath(newer, timeZone) : undefined}
      olderHref={older ? postPath(older, timeZone) : undefined}
    />
  );
}
