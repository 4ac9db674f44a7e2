import 'server-only';
import * as pages from '@/db/queries/pages';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';

export type { PageDetail } from '@/db/queries/pages';

/** A published page by slug, or null (drafts are never shown). */
export const getPage = cached('page', pages.getPublishedPageBySlug, (slug) => [tags.page(slug)]);

/** Every published page, for the sitemap and the menu editor. */
export const listPublishedPages = cached(
  'pages',
  (db) => pages.listPublishedPages(db),
  () => [tags.pages],
);
