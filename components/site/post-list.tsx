import { groupByDay } from '@/lib/posts/group-by-day';
import type { PostSummary } from '@/lib/posts/queries';
import { countApprovedComments } from '@/lib/comments/queries';
import { DateHeader } from './date-header';
import { PostCard } from './post-card';

/** Posts under their date headers, each with its comment count. */
export async function PostList({ posts, timeZone }: { posts: PostSummary[]; timeZone: string }) {
  const counts = await countApprovedComments(posts.map((post) => post.id));
  if (posts.length === 0) return <p className="text-muted">No posts here yet.</p>;
  return groupByDay(posts, timeZone).map((day, dayIndex) => (
    <section key={day.key} aria-label={day.heading}>
      <DateHeader>{day.heading}</DateHeader>
      {day.posts.map((post, i) => (
        <PostCard
          key={post.id}
          post={post}
          commentCount={counts[post.id] ?? 0}
          timeZone={timeZone}
          priority={dayIndex === 0 && i === 0}
        />
      ))}
    </section>
  ));
}
