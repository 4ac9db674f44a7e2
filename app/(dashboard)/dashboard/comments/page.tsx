import type { Metadata } from 'next';
import { CommentQueue } from '@/components/dashboard/comment-queue';
import { PageHeading } from '@/components/dashboard/page-heading';
import { requirePermission } from '@/lib/auth/current-user';
import { loadQueue, readQueueFilter } from '@/lib/comments/queue';

export const metadata: Metadata = { title: 'Comments' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function CommentsQueuePage({ searchParams }: Props) {
  await requirePermission('comments:moderate');
  const raw = await searchParams;
  const filter = readQueueFilter(raw);
  return (
    <>
      <PageHeading title="Comments" links={[{ href: '/dashboard/comments/log', label: 'Moderation log' }]} />
      <CommentQueue filter={filter} {...await loadQueue(filter)} notice={{ error: raw.error, blocked: raw.blocked }} />
    </>
  );
}
