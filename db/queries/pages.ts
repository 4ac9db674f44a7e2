import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { pageRevisions, pages } from '../schema';

/** Published: the only pages readers see. */
const isLive = sql`${pages.status} = 'published'`;

export type PageDetail = { id: number; slug: string; title: string; bodyHtml: string; updatedAt: Date };

export async function getPublishedPageBySlug(db: Database, slug: string): Promise<PageDetail | null> {
  const [row] = await db
    .select({
      id: pages.id,
      slug: pages.slug,
      title: pages.title,
      bodyHtml: pages.bodyHtml,
      updatedAt: pages.updatedAt,
    })
    .from(pages)
    .where(and(isLive, eq(pages.slug, slug)))
    .limit(1);
  return row ?? null;
}

/** Every published page's slug, title and last change: the sitemap and the menu editor's choices. */
export async function listPublishedPages(db: Database) {
  return db
    .select({ slug: pages.slug, title: pages.title, updatedAt: pages.updatedAt })
    .from(pages)
    .where(isLive)
    .orderBy(pages.title);
}

/** Every page, newest change first, for the dashboard's list. */
export async function listAllPages(db: Database) {
  return db
    .select({ id: pages.id, slug: pages.slug, title: pages.title, status: pages.status, updatedAt: pages.updatedAt })
    .from(pages)
    .orderBy(desc(pages.updatedAt), desc(pages.id));
}

export async function getPageForEditing(db: Database, id: number) {
  const [row] = await db.select().from(pages).where(eq(pages.id, id));
  return row ?? null;
}

export async function isPageSlugTaken(db: Database, slug: string, exceptId?: number): Promise<boolean> {
  const rows = await db.select({ id: pages.id }).from(pages).where(eq(pages.slug, slug));
  return rows.some((row) => row.id !== exceptId);
}

/** A page's earlier versions, newest first. */
export async function listPageRevisions(db: Database, pageId: number) {
  return db
    .select()
    .from(pageRevisions)
    .where(eq(pageRevisions.pageId, pageId))
    .orderBy(desc(pageRevisions.createdAt), desc(pageRevisions.id));
}
