import { NotFoundMessage } from '@/components/site/not-found-message';
import { SiteFrame } from '@/components/site/site-frame';

// Addresses that match no route, and every reader's page that calls notFound(). The plain frame (no sidebar, no
// ads): Next embeds this element in the payload of every page, so its weight is paid on every page view.
export default function NotFound() {
  return (
    <SiteFrame plain>
      <NotFoundMessage />
    </SiteFrame>
  );
}
