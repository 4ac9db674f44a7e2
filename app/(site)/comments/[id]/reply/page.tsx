import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CommentForm } from '@/components/site/comment-form';
import { mailEnabled } from '@/lib/mail';
import { QuotedComment } from '@/components/site/quoted-comment';
import { SiteFrame } from '@/components/site/site-frame';
import { loadCommentPage } from '@/lib/comments/comment-page';
import { issueFormToken } from '@/lib/comments/form-token';
import { commentMessages } from '@/lib/comments/messages';
import { scriptNonce } from '@/lib/request/script-nonce';

// Where "Reply" leads without JavaScript: rendered per request, so the form carries a fresh "shown at" stamp.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Reply', robots: { index: false } };

export default async function ReplyPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await loadCommentPage((await params).id);
  if (!page) notFound();
  const { comment, post, address, settings, open } = page;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <h1 className="mb-2 font-serif text-3xl font-bold">Reply to {comment.authorName}</h1>
      <QuotedComment authorName={comment.authorName} body={comment.body} postTitle={post.title} address={address} />
      <div id="write-comment" className="rounded border border-rule bg-white p-4">
        {open ? (
          <CommentForm
            postId={post.id}
            parentId={comment.id}
            token={issueFormToken()}
            requireEmail={settings.requireEmail}
            repliesByMail={mailEnabled()}
          />
        ) : (
          <p className="text-sm text-muted">{commentMessages.refused.closed}</p>
        )}
      </div>
    </SiteFrame>
  );
}
