import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MailedLinkForm } from '@/components/site/mailed-link-form';
import { SiteFrame } from '@/components/site/site-frame';
import { FormMessage } from '@/components/ui/form-message';
import { commentMessages } from '@/lib/comments/messages';
import { forgetRepliesAction, stopRepliesAction } from '@/lib/comments/reply-actions';
import { loadReplyStopPage } from '@/lib/comments/reply-pages';
import { scriptNonce } from '@/lib/request/script-nonce';

// Opened from a reply mail's own link: per request, never cached or indexed, never sent on to other sites.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Emails about replies',
  robots: { index: false },
  referrer: 'same-origin',
};

/**
 * The reply mail's body link: a button that stops reply mail, and one that forgets the address (a GET changes
 * nothing: scanners open links).
 */
export default async function StopRepliesPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { token } = await params;
  const page = await loadReplyStopPage(token);
  if (!page) notFound();
  const done = (await searchParams).done;
  const { replies } = commentMessages;
  const notice = done === 'confirmed' ? replies.confirmed : done === 'stopped' ? replies.stopped : null;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <h1 className="mb-4 font-serif text-3xl font-bold">{replies.stopHeading}</h1>
      <div className="max-w-md space-y-4">
        {notice && <FormMessage state={{ status: 'ok', message: notice }} />}
        {!page.receiving && !notice && <p>{replies.notReceiving}</p>}
        {page.receiving && (
          <MailedLinkForm
            action={stopRepliesAction}
            token={token}
            explain={replies.stopExplain}
            button={replies.stopButton}
          />
        )}
        <div className="border-t border-rule pt-4">
          <MailedLinkForm
            action={forgetRepliesAction}
            token={token}
            explain={replies.forgetExplain}
            button={replies.forgetButton}
            variant="danger"
          />
        </div>
      </div>
    </SiteFrame>
  );
}
