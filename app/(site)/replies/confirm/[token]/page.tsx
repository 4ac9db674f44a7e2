import type { Metadata } from 'next';
import { MailedLinkForm } from '@/components/site/mailed-link-form';
import { SiteFrame } from '@/components/site/site-frame';
import { FormMessage } from '@/components/ui/form-message';
import { commentMessages } from '@/lib/comments/messages';
import { confirmRepliesAction } from '@/lib/comments/reply-actions';
import { scriptNonce } from '@/lib/request/script-nonce';

// Opened from the confirmation mail: per request, never cached or indexed, its token never sent on to other sites.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Confirm replies by email',
  robots: { index: false },
  referrer: 'same-origin',
};

/** The mailed link shows a button and changes nothing (mail scanners open every link); the button's POST confirms. */
export default async function ConfirmRepliesPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ expired?: string }>;
}) {
  const { token } = await params;
  const expired = Boolean((await searchParams).expired);
  const { replies } = commentMessages;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <h1 className="mb-4 font-serif text-3xl font-bold">{replies.confirmHeading}</h1>
      <div className="max-w-md space-y-4">
        {expired ? (
          <FormMessage state={{ status: 'error', message: replies.expired }} />
        ) : (
          <MailedLinkForm
            action={confirmRepliesAction}
            token={token}
            explain={replies.confirmExplain}
            button={replies.confirmButton}
          />
        )}
      </div>
    </SiteFrame>
  );
}
