import type { Metadata } from 'next';
import { PostEditor } from '@/components/dashboard/post-editor';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { emptyEditorPost } from '@/lib/posts/editor-data';

export const metadata: Metadata = { title: 'New post' };

export default async function NewPostPage() {
  const user = await requirePermission('posts:write');
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">New post</h1>
      <PostEditor post={emptyEditorPost} canPublish={can(user.role, 'posts:publish-own')} />
    </>
  );
}
