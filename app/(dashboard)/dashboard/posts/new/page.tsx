import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { PostEditor } from '@/components/dashboard/post-editor';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { emptyEditorPost } from '@/lib/posts/editor-data';

export const metadata: Metadata = { title: 'New post' };

export default async function NewPostPage() {
  const user = await requirePermission('posts:write');
  return (
    <>
      <PageHeading title="New post" />
      <PostEditor
        post={emptyEditorPost}
        canPublish={can(user.role, 'posts:publish-own')}
        canCreateLabels={can(user.role, 'labels:manage')}
      />
    </>
  );
}
