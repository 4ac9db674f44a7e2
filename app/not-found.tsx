import { NotFoundPage } from '@/components/site/not-found-page';
import { frameSite } from '@/components/site/frame-layout';
import { getSettings } from '@/lib/settings/queries';

// Addresses that match no route, and every reader's page that calls notFound(). Imports stay away from modules
// that use next/link: their client code would join the not-found chunk, which every page loads.
export default async function NotFound() {
  return <NotFoundPage site={frameSite(await getSettings())} />;
}
