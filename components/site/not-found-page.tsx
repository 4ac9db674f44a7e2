'use client';

import { FrameLayout, type FrameSite } from './frame-layout';
import { NotFoundMessage } from './not-found-message';

/**
 * The 404 page, in the plain frame (no sidebar, no ads). A client component because Next sends the not-found
 * element inside every page's RSC payload, twice: as a client component that is a reference and four fields,
 * where the rendered frame was about 1.6 KB each time. Its HTML is still rendered on the server.
 */
export function NotFoundPage({ site }: { site: FrameSite }) {
  return (
    <FrameLayout site={site}>
      <NotFoundMessage />
    </FrameLayout>
  );
}
