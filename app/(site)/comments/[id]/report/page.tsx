import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { QuotedComment } from '@/components/site/quoted-comment';
import { ReportForm } from '@/components/site/report-form';
import { SiteFrame } from '@/components/site/site-frame';
import { loadCommentPage } from '@/lib/comments/comment-page';
import { scriptNonce } from '@/lib/request/script-nonce';

// Where "Report" leads without JavaScript.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Report a comment', robots: { index: false } };

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await loadCommentPage((await params).id);
  if (!page) notFound();
  const { comment, post, address } = page;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <h1 className="mb-2 font-serif text-3xl font-bold">Report a comment</h1>
      <QuotedComment authorName={comment.authorName} body={comment.body} postTitle={post.title} address={address} />
      <div className="rounded border border-rule bg-white p-4">
        <ReportForm commentId={comment.id} />
      </div>
    </SiteFrame>
  );
}
