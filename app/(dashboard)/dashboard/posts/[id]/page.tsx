import type { Metadata } from 'next';
import { Notice } from '@/components/ui/notice';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { PostEditor } from '@/components/dashboard/post-editor';
import { Button } from '@/components/ui/button';
import { getDb } from '@/lib/db';
import { getPostForEditing } from '@/db/queries/dashboard-posts';
import { requirePermission } from '@/lib/auth/current-user';
import { canDeletePost, canEditPost, canPublishPost } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { trashPostAction } from '@/lib/posts/actions';
import { toEditorPost } from '@/lib/posts/editor-data';
import { postPath } from '@/lib/posts/permalink';
import { createPreviewToken } from '@/lib/posts/preview';
import { getSettings } from '@/lib/settings/queries';

export const metadata: Metadata = { title: 'Edit post' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

const savedMessages: Record<string, string> = {
  draft: 'Draft saved.',
  review: 'Submitted for review. An editor will publish it.',
  scheduled: 'Scheduled.',
  published: 'Published. It is live now.',
  restored: 'The earlier version is back.',
};

export default async function EditPostPage({ params, searchParams }: Props) {
  const user = await requirePermission('posts:write');
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [post, settings, { saved }] = await Promise.all([
    getPostForEditing(await getDb(), id),
    getSettings(),
    searchParams,
  ]);
  if (!post) notFound();
  if (!canEditPost(user, post)) forbidden();
  const previewUrl = `${env().SITE_URL}/preview/${createPreviewToken(post.id, post.previewSecret)}`;
  const livePath =
    post.status === 'published' && post.publishedAt
      ? postPath({ slug: post.slug, publishedAt: post.publishedAt }, settings.timeZone)
      : null;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Edit post</h1>
        <p className="flex flex-wrap gap-4 text-sm">
          {/* No prefetch: a background render of the public page racing a save could cache the old version. */}
          {livePath && !post.deletedAt && (
            <Link href={livePath} prefetch={false} className="font-semibold text-accent hover:underline">
              View live post
            </Link>
          )}
          <Link href={`/dashboard/posts/${post.id}/history`} className="hover:text-accent">
            History
          </Link>
        </p>
      </div>
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
            initialMessage={saved && savedMessages[saved] ? { status: 'ok', message: savedMessages[saved] } : undefined}
          />
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
