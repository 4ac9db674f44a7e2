import { NotFoundPage } from '@/components/site/not-found-page';
import { frameSite } from '@/components/site/site-frame';
import { getSettings } from '@/lib/settings/queries';

// Addresses that match no route, and every reader's page that calls notFound().
export default async function NotFound() {
  return <NotFoundPage site={frameSite(await getSettings())} />;
}
