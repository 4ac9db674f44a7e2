import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CommentForm } from '@/components/site/comment-form';
import { SiteFrame } from '@/components/site/site-frame';
import { getDb } from '@/lib/db';
import { getCommentablePost } from '@/db/queries/comment-checks';
import { getDraft } from '@/lib/comments/drafts';
import { issueFormToken } from '@/lib/comments/form-token';
import { postPath } from '@/lib/posts/permalink';
import { getSettings } from '@/lib/settings/queries';

// Where a comment sent without JavaScript comes back when it could not be taken: the reason, and the text.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your comment', robots: { index: false } };

export default async function CommentDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  const draft = await getDraft(db, id);
  const post = draft && (await getCommentablePost(db, draft.postId));
  if (!draft || !post) notFound();
  const settings = await getSettings();
  const parentId = Number(draft.values.parentId) || undefined;
  return (
    <SiteFrame>
      <h1 className="mb-2 font-serif text-3xl font-bold">Your comment</h1>
      <p className="mb-6">
        On{' '}
        <a href={postPath(post, settings.timeZone)} className="font-semibold text-accent hover:underline">
          {post.title}
        </a>
      </p>
      <div id="write-comment" className="rounded border border-rule bg-white p-4">
        <CommentForm
          postId={post.id}
          parentId={parentId}
          token={issueFormToken()}
          requireEmail={settings.requireEmail}
          draftId={draft.id}
          initialState={{
            status: 'error',
            message: draft.message,
            fieldErrors: draft.fieldErrors,
            values: draft.values,
          }}
        />
      </div>
    </SiteFrame>
  );
}
