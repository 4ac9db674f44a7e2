import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MailedLinkForm } from '@/components/site/mailed-link-form';
import { SiteFrame } from '@/components/site/site-frame';
import { mailEnabled } from '@/lib/mail';
import { scriptNonce } from '@/lib/request/script-nonce';
import { confirmFollowAction } from '@/lib/subscribers/actions';
import { subscriberMessages } from '@/lib/subscribers/messages';

// Opened from the confirmation mail: per request, never cached or indexed, its token never sent on to other sites.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Confirm your subscription',
  robots: { index: false },
  referrer: 'same-origin',
};

/**
 * The confirmation link shows a button and changes nothing: mail scanners (Outlook's Safe Links and the like) open
 * every link in a mail, and would otherwise confirm addresses nobody confirmed. Only the button's POST confirms.
 */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  if (!mailEnabled()) notFound();
  const { token } = await params;
  const { confirm } = subscriberMessages;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <h1 className="mb-4 font-serif text-3xl font-bold">{confirm.heading}</h1>
      <MailedLinkForm action={confirmFollowAction} token={token} explain={confirm.explain} button={confirm.button} />
    </SiteFrame>
  );
}
