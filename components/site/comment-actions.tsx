'use client';

import { useState } from 'react';
import { CommentForm } from './comment-form';
import { ReportForm } from './report-form';

type Props = {
  commentId: number;
  authorName: string;
  postId: number;
  requireEmail: boolean;
  repliesByMail: boolean;
  open: boolean;
};

const panel = 'mt-4 scroll-mt-4 border-t border-rule pt-4';

/**
 * "Reply" and "Report" under a comment. They are links to a page with the form, so they work without JavaScript;
 * with it, the form opens in place. The forms are made only when asked for: an article with many comments does not
 * carry a form per comment in its HTML.
 */
export function CommentActions({ commentId, authorName, postId, requireEmail, repliesByMail, open }: Props) {
  const [shown, setShown] = useState<'reply' | 'report' | null>(null);
  const toggle = (which: 'reply' | 'report') => (event: React.MouseEvent) => {
    event.preventDefault();
    setShown((current) => (current === which ? null : which));
  };
  return (
    <>
      <p className="mt-3 flex gap-4 text-sm font-semibold">
        {open && (
          <a
            href={`/comments/${commentId}/reply`}
            onClick={toggle('reply')}
            aria-expanded={shown === 'reply'}
            className="text-accent hover:underline"
          >
            Reply<span className="sr-only"> to {authorName}</span>
          </a>
        )}
        <a
          href={`/comments/${commentId}/report`}
          onClick={toggle('report')}
          aria-expanded={shown === 'report'}
          className="text-muted hover:text-accent"
        >
          Report<span className="sr-only"> the comment by {authorName}</span>
        </a>
      </p>
      {shown === 'reply' && (
        <div id={`reply-${commentId}`} className={panel}>
          <p className="mb-2 text-sm font-semibold">Reply to {authorName}</p>
          <CommentForm
            postId={postId}
            parentId={commentId}
            token=""
            requireEmail={requireEmail}
            repliesByMail={repliesByMail}
          />
        </div>
      )}
      {shown === 'report' && (
        <div id={`report-${commentId}`} className={panel}>
          <ReportForm commentId={commentId} />
        </div>
      )}
    </>
  );
}
