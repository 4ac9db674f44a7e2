import 'server-only';
import { forbidden, notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import {
  getPostForEditing,
  getPreviewSecret,
  listDashboardPosts,
  listPostAuthors,
  listRevisions,
  type EditablePost,
} from '@/db/queries/dashboard-posts';
import { postStatus } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can, canEditPost } from '@/lib/auth/permissions';
import { previewPath } from './preview';

export type { EditablePost };

export const postListParams = z.object({
  status: z
    .enum([...postStatus.enumValues, 'trash'])
    .optional()
    .catch(undefined),
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

/** The post at /dashboard/posts/ID (its editor, its history): 404 when there is none, 403 when not theirs to edit. */
export async function getPostToEdit(user: CurrentUser, id: string): Promise<EditablePost> {
  const postId = Number(id);
  if (!Number.isInteger(postId) || postId <= 0) notFound();
  const post = await getPostForEditing(await getDb(), postId);
  if (!post) notFound();
  if (!canEditPost(user, post)) forbidden();
  return post;
}

/** A post's earlier versions, newest first. */
export async function listPostRevisions(id: number) {
  return listRevisions(await getDb(), id);
}

/** Where the editor's Preview button leads: the post behind a fresh signed link. */
export async function previewPathOf(id: number): Promise<string> {
  const secret = await getPreviewSecret(await getDb(), id);
  if (!secret) notFound();
  return previewPath(id, secret);
}
