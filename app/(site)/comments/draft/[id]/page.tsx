import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CommentForm } from '@/components/site/comment-form';
import { mailEnabled } from '@/lib/mail';
import { SiteFrame } from '@/components/site/site-frame';
import { loadDraftPage } from '@/lib/comments/comment-page';
import { issueFormToken } from '@/lib/comments/form-token';
import { scriptNonce } from '@/lib/request/script-nonce';

// Where a comment sent without JavaScript comes back when it could not be taken: the reason, and the text.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your comment', robots: { index: false } };

export default async function CommentDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await loadDraftPage((await params).id);
  if (!page) notFound();
  const { draft, post, settings } = page;
  const parentId = Number(draft.values.parentId) || undefined;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <h1 className="mb-2 font-serif text-3xl font-bold">Your comment</h1>
      <p className="mb-6">
        On{' '}
        <a href={post.path} className="font-semibold text-accent hover:underline">
          {post.title}
        </a>
      </p>
      <div id="write-comment" className="rounded border border-rule bg-white p-4">
        <CommentForm
          postId={post.id}
          parentId={parentId}
          token={issueFormToken()}
          requireEmail={settings.requireEmail}
          repliesByMail={mailEnabled()}
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
