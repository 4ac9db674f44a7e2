import { z } from 'zod';
import { getDb } from '@/lib/db';
import { listDashboardPosts, listPostAuthors } from '@/db/queries/dashboard-posts';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';

export const statusLabels = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
} as const;

export const postListParams = z.object({
  status: z.enum(['draft', 'review', 'scheduled', 'published', 'trash']).optional().catch(undefined),
  author: z.uuid().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export const DASHBOARD_PAGE_SIZE = 20;

/** The posts a person may see in the dashboard: editors and admins all, everyone else their own. */
export async function listPostsFor(user: CurrentUser, params: z.infer<typeof postListParams>) {
  const db = await getDb();
  const seesAll = can(user.role, 'posts:manage-any');
  const [result, authors] = await Promise.all([
    listDashboardPosts(db, {
      status: params.status === 'trash' ? undefined : params.status,
      trash: params.status === 'trash',
      authorId: seesAll ? params.author : undefined,
      onlyAuthorId: seesAll ? undefined : user.id,
      search: params.q || undefined,
      page: params.page,
      perPage: DASHBOARD_PAGE_SIZE,
    }),
    seesAll ? listPostAuthors(db) : Promise.resolve([]),
  ]);
  return { ...result, authors, seesAll };
}
