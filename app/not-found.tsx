import { NotFoundMessage } from '@/components/site/not-found-message';
import { SiteFrame } from '@/components/site/site-frame';

// Addresses that match no route at all; inside the reader's pages, app/(site)/not-found.tsx answers.
export default function NotFound() {
  return (
    <SiteFrame>
      <NotFoundMessage />
    </SiteFrame>
  );
}
