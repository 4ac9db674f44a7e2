import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { PostEditor } from '@/components/dashboard/post-editor';
import { PostMailing } from '@/components/dashboard/post-mailing';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { requirePermission } from '@/lib/auth/current-user';
import { can, canDeletePost, canPublishPost } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { trashPostAction } from '@/lib/posts/actions';
import { getPostToEdit } from '@/lib/posts/dashboard-queries';
import { toEditorPost } from '@/lib/posts/editor-data';
import { savedMessage } from '@/lib/posts/messages';
import { postPath } from '@/lib/posts/permalink';
import { previewPath } from '@/lib/posts/preview';
import { getSettings } from '@/lib/settings/queries';
import { loadPostMailing } from '@/lib/subscribers/pages';

export const metadata: Metadata = { title: 'Edit post' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditPostPage({ params, searchParams }: Props) {
  const user = await requirePermission('posts:write');
  const [post, settings, { saved }] = await Promise.all([
    getPostToEdit(user, (await params).id),
    getSettings(),
    searchParams,
  ]);
  const previewUrl = `${env().SITE_URL}${previewPath(post.id, post.previewSecret)}`;
  const livePath =
    post.status === 'published' && post.publishedAt && !post.deletedAt
      ? postPath({ slug: post.slug, publishedAt: post.publishedAt }, settings.timeZone)
      : null;
  const message = savedMessage(saved);
  const mailing = await loadPostMailing(post.id);
  return (
    <>
      <PageHeading
        title="Edit post"
        links={[
          // No prefetch: a background render of the public page racing a save could cache the old version.
          ...(livePath ? [{ href: livePath, label: 'View live post', prefetch: false as const }] : []),
          { href: `/dashboard/posts/${post.id}/history`, label: 'History' },
        ]}
      />
      {post.publishError && <Notice tone="error">The scheduled publication failed: {post.publishError}</Notice>}
      {post.deletedAt ? (
        <form action={trashPostAction} className="mb-4 rounded border border-rule bg-white p-4">
          <input type="hidden" name="id" value={post.id} />
          <input type="hidden" name="restore" value="1" />
          <p className="mb-2 text-sm">This post is in the trash.</p>
          <Button type="submit" variant="secondary">
            Restore from trash
          </Button>
        </form>
      ) : (
        <>
          <PostEditor
            post={toEditorPost(post)}
            canPublish={canPublishPost(user, post)}
            canCreateLabels={can(user.role, 'labels:manage')}
            initialMessage={message ? { status: 'ok', message } : undefined}
          />
          {mailing && (
            <PostMailing postId={post.id} report={mailing} canResend={can(user.role, 'subscribers:manage')} />
          )}
          <div className="mt-8 flex flex-wrap items-start justify-between gap-4 border-t border-rule pt-6">
            <div className="text-sm">
              <p className="font-semibold">Share a preview</p>
              <p className="text-muted">
                Anyone with this link can read the current draft for 7 days, until it is published.
              </p>
              <input
                readOnly
                aria-label="Preview link"
                value={previewUrl}
                className="mt-1 w-full max-w-xl rounded border border-rule bg-gray-50 px-2 py-1 font-mono text-xs"
              />
            </div>
            {canDeletePost(user, post) && (
              <form action={trashPostAction}>
                <input type="hidden" name="id" value={post.id} />
                <Button type="submit" variant="danger">
                  Move to trash
                </Button>
              </form>
            )}
          </div>
        </>
      )}
    </>
  );
}
