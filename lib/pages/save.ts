import 'server-only';
import { eq } from 'drizzle-orm';
import { getPageForEditing, isPageSlugTaken } from '@/db/queries/pages';
import { pageRevisions, type Page } from '@/db/schema';
import type { Database } from '@/lib/db';
import { saveRedirects } from '@/lib/redirects/write';
import { sanitizePostHtml } from '@/lib/sanitize/html';
import type { PageForm } from './editing';
import { pageMessages } from './messages';
import { pagePath } from './permalink';
import { writePage } from './write';

type Refused = { ok: false; notFound?: true; field?: string; message: string };
/** What changed, for the cache: the page under each slug it had. */
type Changed = { ok: true; id: number; slugs: string[] };

export type PageSaveResult = (Changed & { created: boolean; wasPublished: boolean; status: Page['status'] }) | Refused;

/**
 * Applies the page editor's form (a new page when form.id is empty), in one transaction. A live page whose slug
 * changes leaves a redirect from its old address.
 */
export async function savePage(
  db: Database,
  userId: string,
  form: PageForm,
  now = new Date(),
): Promise<PageSaveResult> {
  const existing = form.id ? await getPageForEditing(db, form.id) : null;
  if (form.id && !existing) return { ok: false, notFound: true, message: pageMessages.gone };
  if (await isPageSlugTaken(db, form.slug, existing?.id)) {
    return { ok: false, field: 'slug', message: pageMessages.slugTaken };
  }
  const status =
    form.intent === 'publish' ? 'published' : form.intent === 'unpublish' ? 'draft' : (existing?.status ?? 'draft');
  const values = {
    title: form.title,
    slug: form.slug,
    bodyHtml: sanitizePostHtml(form.body),
    status,
    publishedAt: status === 'published' ? (existing?.publishedAt ?? now) : (existing?.publishedAt ?? null),
    updatedAt: now,
  };
  const id = await db.transaction(async (tx) => {
    if (!existing) return writePage(tx, { ...values, authorId: userId, createdAt: now });
    await writePage(tx, { id: existing.id, savedBy: userId, ...values });
    if (existing.status === 'published' && status === 'published' && existing.slug !== form.slug) {
      await saveRedirects(tx, [
        { fromPath: pagePath(existing.slug), toPath: pagePath(form.slug), source: 'slug_change' },
      ]);
    }
    return existing.id;
  });
  return {
    ok: true,
    id,
    created: !existing,
    wasPublished: existing?.status === 'published',
    status,
    slugs: [...new Set([form.slug, ...(existing ? [existing.slug] : [])])],
  };
}

/** Puts an earlier version's title and body back; the current version becomes a revision itself. */
export async function restorePageRevision(
  db: Database,
  userId: string,
  id: number,
  revisionId: number,
  now = new Date(),
): Promise<Changed | Refused> {
  const page = await getPageForEditing(db, id);
  const [revision] = await db.select().from(pageRevisions).where(eq(pageRevisions.id, revisionId));
  if (!page || !revision || revision.pageId !== id) return { ok: false, notFound: true, message: pageMessages.gone };
  await db.transaction(async (tx) => {
    // A draft keeps no revisions of its own (writePage), so the version it replaces is kept here.
    if (page.status !== 'published') {
      await tx
        .insert(pageRevisions)
        .values({ pageId: id, title: page.title, bodyHtml: page.bodyHtml, savedBy: userId });
    }
    await writePage(tx, { id, savedBy: userId, title: revision.title, bodyHtml: revision.bodyHtml, updatedAt: now });
  });
  return { ok: true, id, slugs: [page.slug] };
}
