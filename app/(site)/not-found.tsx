import { NotFoundMessage } from '@/components/site/not-found-message';

// Rendered inside the site layout, which already draws the masthead, sidebar and footer.
export default function SiteNotFound() {
  return <NotFoundMessage />;
}
