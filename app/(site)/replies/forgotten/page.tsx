import type { Metadata } from 'next';
import { SiteFrame } from '@/components/site/site-frame';
import { FormMessage } from '@/components/ui/form-message';
import { commentMessages } from '@/lib/comments/messages';

// Where "Forget me" on the reply mail page leads (the link it came from names nobody any more). The same for
// everyone: a stored page like the site's others.
export const metadata: Metadata = { title: 'Address forgotten', robots: { index: false } };

export default function RepliesForgottenPage() {
  const { replies } = commentMessages;
  return (
    <SiteFrame>
      <h1 className="mb-4 font-serif text-3xl font-bold">{replies.forgottenTitle}</h1>
      <div className="max-w-md space-y-4">
        <FormMessage state={{ status: 'ok', message: replies.forgotten }} />
        <p>{replies.forgottenAgain}</p>
      </div>
    </SiteFrame>
  );
}
