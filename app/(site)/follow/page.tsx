import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FollowForm } from '@/components/site/follow-form';
import { SiteFrame } from '@/components/site/site-frame';
import { FormMessage } from '@/components/ui/form-message';
import { issueFormToken } from '@/lib/comments/form-token';
import { mailEnabled } from '@/lib/mail';
import { getLiveLabel } from '@/lib/posts/queries';
import { scriptNonce } from '@/lib/request/script-nonce';
import { subscriberMessages } from '@/lib/subscribers/messages';

// The follow form's answer without JavaScript, and the form for one label: rendered per request (a fresh stamp).
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Follow by email', robots: { index: false } };

type Search = { sent?: string; refused?: string; email?: string; label?: string; expired?: string; forgotten?: string };

export default async function FollowPage({ searchParams }: { searchParams: Promise<Search> }) {
  if (!mailEnabled()) notFound();
  const search = await searchParams;
  const label = search.label ? await getLiveLabel(search.label) : null;
  const { form, confirm, preferences } = subscriberMessages;
  const refusal = search.refused && search.refused in form.refused ? form.refused[search.refused as 'again'] : null;
  const notice = search.sent
    ? { status: 'ok' as const, message: form.accepted }
    : search.expired
      ? { status: 'error' as const, message: confirm.expired }
      : search.forgotten
        ? { status: 'ok' as const, message: preferences.forgotten }
        : null;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <h1 className="mb-4 font-serif text-3xl font-bold">
        {label ? `Follow ${label.name} by email` : 'Follow by email'}
      </h1>
      <div className="max-w-md space-y-4">
        {notice && <FormMessage state={notice} />}
        {!search.sent && (
          <>
            <p>
              {label ? `New stories labelled ${label.name}, in your inbox.` : 'Every new story, in your inbox.'} We send
              a link to confirm first; each mail has a link to unsubscribe.
            </p>
            <FollowForm
              label={label ? search.label : undefined}
              token={issueFormToken()}
              initialState={
                refusal
                  ? { status: 'error', message: refusal, values: { email: (search.email ?? '').slice(0, 254) } }
                  : undefined
              }
            />
          </>
        )}
      </div>
    </SiteFrame>
  );
}
