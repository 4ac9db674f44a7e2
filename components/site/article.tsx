import { Fragment } from 'react';
import { formatDateHeader } from '@/lib/dates';
import { commentCountLabel, commentsPagePath } from '@/lib/comments/thread';
import { commentMessages } from '@/lib/comments/messages';
import type { CommentsPage } from '@/lib/comments/queries';
import { mailEnabled } from '@/lib/mail';
import { authorPath, postPath } from '@/lib/posts/permalink';
import type { PostDetail } from '@/lib/posts/queries';
import { commentsClosed } from '@/lib/comments/rules';
import type { PublicSettings } from '@/lib/settings/queries';
import type { SlotWithAds } from '@/lib/ads/queries';
import { splitAfterParagraph } from '@/lib/posts/split-body';
import { AdSlot } from './ad-slot';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import { CoverImage } from './cover-image';
import { DateHeader } from './date-header';
import { PostMeta } from './post-meta';

type Props = {
  post: PostDetail;
  settings: PublicSettings;
  /** The page of comments shown under it (lib/comments/queries, getCommentsPage). */
  comments: CommentsPage;
  /** In-article ad slots, each placed after its paragraph of the body. */
  adSlots?: SlotWithAds[];
};

/** Cuts the body at each in-article slot's paragraph: the slot follows the piece before it. */
function bodyPieces(html: string, slots: SlotWithAds[]) {
  const pieces: { html: string; slot?: SlotWithAds }[] = [];
  let rest = html;
  let done = 0;
  for (const slot of [...slots].sort((a, b) => a.afterParagraph - b.afterParagraph)) {
    const [before, after] = splitAfterParagraph(rest, slot.afterParagraph - done);
    pieces.push({ html: before, slot });
    rest = after;
    done = slot.afterParagraph;
  }
  pieces.push({ html: rest });
  return pieces.filter((piece) => piece.html || piece.slot);
}

export function Article({ post, settings, comments, adSlots = [] }: Props) {
  const timeZone = settings.timeZone;
  const open = !commentsClosed(post, settings, new Date());
  // No stamp in the static HTML (it would be as old as the cached page): the form gets one when it is shown.
  const form = { postId: post.id, token: '', requireEmail: settings.requireEmail, repliesByMail: mailEnabled(), open };
  const countLabel = commentCountLabel(comments.total);
  return (
    <>
      <article aria-labelledby="post-title">
        <DateHeader as="p">{formatDateHeader(post.publishedAt, timeZone)}</DateHeader>
        <h1 id="post-title" className="mb-3 font-serif text-3xl font-bold leading-tight sm:text-4xl">
          {post.title}
        </h1>
        <PostMeta post={post} timeZone={timeZone} />
        {post.coverImage && (
          <div className="mt-6">
            <CoverImage src={post.coverImage} alt={post.coverAlt} priority />
          </div>
        )}
        {bodyPieces(post.bodyHtml, adSlots).map((piece, i) => (
          <Fragment key={i}>
            {piece.html && (
              <div
                className="prose prose-lg mt-6 max-w-none font-serif prose-headings:font-serif prose-a:text-accent"
                // Sanitized by lib/sanitize before it was stored.
                dangerouslySetInnerHTML={{ __html: piece.html }}
              />
            )}
            {piece.slot && (
              <div className="mt-6 flex justify-center">
                <AdSlot slot={piece.slot} />
              </div>
            )}
          </Fragment>
        ))}
        <footer className="mt-8 flex gap-4 border-t border-rule pt-6">
          {post.authorImage && (
            // eslint-disable-next-line @next/next/no-img-element -- small avatar, sized by attributes
            <img src={post.authorImage} alt="" width={64} height={64} className="h-16 w-16 rounded-full" />
          )}
          <div>
            <p className="font-semibold">
              <a href={authorPath(post.author.slug)} rel="author" className="hover:text-accent">
                {post.author.name}
              </a>
            </p>
            <p className="text-sm text-muted">{post.authorBio}</p>
          </div>
        </footer>
      </article>

      <section id="comments" aria-labelledby="comments-heading" className="mt-12 scroll-mt-4">
        <h2 id="comments-heading" className="mb-4 font-serif text-2xl font-bold">
          {countLabel}
          {comments.total === 0 && ':'}{' '}
          <a href="#write-comment" className="text-base font-semibold text-accent hover:underline">
            Write comments
          </a>
        </h2>
        <CommentList threads={comments.threads} timeZone={timeZone} {...form} />
        <CommentPager comments={comments} articlePath={postPath(post, timeZone)} />
        <p
          id="comment-held"
          role="status"
          className="mt-6 hidden rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 font-semibold target:block"
        >
          Your comment is awaiting moderation.
        </p>
        <p
          id="comment-limited"
          role="status"
          className="mt-6 hidden rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 font-semibold target:block"
        >
          {commentMessages.refused.tooManyLater}
        </p>
        <div id="write-comment" className="mt-8 scroll-mt-4 rounded border border-rule bg-white p-4">
          <h3 className="mb-3 font-semibold">Write comments</h3>
          {open && (
            // eslint-disable-next-line @next/next/no-img-element -- a 1×1 stamp of when the form was shown, see /api/comments/seen
            <img
              src="/api/comments/seen"
              alt=""
              width={1}
              height={1}
              loading="lazy"
              className="absolute h-px w-px opacity-0"
            />
          )}
          {open ? <CommentForm {...form} /> : <p className="text-sm text-muted">{commentMessages.refused.closed}</p>}
        </div>
      </section>
    </>
  );
}

/** Under the comments, when there are more pages of them: newer and older pages, and where this one stands. */
function CommentPager({ comments: { page, pages }, articlePath }: { comments: CommentsPage; articlePath: string }) {
  if (pages === 1) return null;
  return (
    <nav aria-label="Pages of comments" className="pager">
      <span>
        {page > 1 && (
          <a href={commentsPagePath(articlePath, page - 1)} rel="prev">
            ← Newer comments
          </a>
        )}
      </span>
      <span className="whitespace-nowrap px-2 text-muted">
        Page {page} of {pages}
      </span>
      <span>
        {page < pages && (
          <a href={commentsPagePath(articlePath, page + 1)} rel="next">
            Older comments →
          </a>
        )}
      </span>
    </nav>
  );
}
