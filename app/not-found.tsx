import { NotFoundMessage } from '@/components/site/not-found-message';
import { SiteFrame } from '@/components/site/site-frame';

// Addresses that match no route, and every reader's page that calls notFound().
export default function NotFound() {
  return (
    <SiteFrame>
      <NotFoundMessage />
    </SiteFrame>
  );
}
