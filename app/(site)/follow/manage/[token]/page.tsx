import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PreferencesForm } from '@/components/site/follow-preferences';
import { SiteFrame } from '@/components/site/site-frame';
import { FormMessage } from '@/components/ui/form-message';
import { scriptNonce } from '@/lib/request/script-nonce';
import { subscriberMessages } from '@/lib/subscribers/messages';
import { loadPreferencesPage } from '@/lib/subscribers/pages';

// Opened from a subscriber's own link: per request, never cached, never indexed, never sent on to other sites.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Your email subscription',
  robots: { index: false },
  referrer: 'same-origin',
};

const notices = {
  confirmed: subscriberMessages.confirm.done,
  saved: subscriberMessages.preferences.saved,
  unsubscribed: subscriberMessages.preferences.unsubscribed,
} as const;

export default async function ManagePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { token } = await params;
  const page = await loadPreferencesPage(token);
  if (!page) notFound();
  const done = (await searchParams).done;
  const notice = done && done in notices ? notices[done as keyof typeof notices] : null;
  return (
    <SiteFrame nonce={await scriptNonce()}>
      <h1 className="mb-2 font-serif text-3xl font-bold">Your email subscription</h1>
      <p className="mb-6 break-words">
        {page.siteTitle}, for <strong>{page.preferences.email}</strong>
      </p>
      <div className="max-w-xl space-y-6">
        {notice && <FormMessage state={{ status: 'ok', message: notice }} />}
        <PreferencesForm token={token} preferences={page.preferences} labels={page.labels} />
      </div>
    </SiteFrame>
  );
}
