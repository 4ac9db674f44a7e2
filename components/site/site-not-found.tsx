import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { menuLink } from '@/lib/settings/menu';
import { getMenu, getSettings } from '@/lib/settings/queries';
import { frameSite } from './frame-layout';
import { NotFoundPage } from './not-found-page';

/** The 404 page with the site's name in its frame: app/not-found.tsx, and the fallback below. */
export async function SiteNotFound() {
  const [settings, menu] = await Promise.all([getSettings(), getMenu()]);
  return <NotFoundPage site={frameSite(settings, menu.map(menuLink))} />;
}

/**
 * What a statically generated reader's page renders when what it shows does not exist: status 404, with the 404
 * page in its HTML. A notFound() thrown straight from a page makes Next 16 send an empty <body> that only
 * JavaScript fills (vercel/next.js#62228): a reader without it, or a crawler, got a blank page. Thrown inside a
 * Suspense boundary it stays there: the server sends the status with the boundary's fallback, the 404 page, and in
 * the browser Next's not-found boundary draws the same page. The page's generateMetadata must not call notFound()
 * either: thrown there, it gets the same blank answer.
 *
 * Only for statically generated pages, whose render is finished before anything is sent: a page rendered per request
 * streams, sends its status before the boundary fails, and would answer 200 (with noindex) instead of 404.
 */
export function NotFoundHere() {
  return (
    <Suspense fallback={<SiteNotFound />}>
      <Missing />
    </Suspense>
  );
}

function Missing(): never {
  notFound();
}
