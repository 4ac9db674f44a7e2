import 'server-only';
import { eq } from 'drizzle-orm';
import { pageRevisions, pages } from '@/db/schema';
import type { Database } from '@/lib/db';

type Columns = Omit<typeof pages.$inferInsert, 'id'>;

/** A new page with its columns, or changes to a stored page, with who made them (for the revision they may keep). */
export type PageWrite = Columns | ({ id: number; savedBy: string | null } & Partial<Columns>);

/**
 * Writes one page: the one place a page is inserted or changed (the page editor, imports, restores). Run it inside
 * the caller's transaction. A change to the title or body of a published page keeps the version it replaces.
 */
export async function writePage(tx: Database, page: PageWrite): Promise<number> {
  if (!('id' in page)) {
    const [created] = await tx.insert(pages).values(page).returning({ id: pages.id });
    return created.id;
  }
  const { id, savedBy, ...values } = page;
  const [before] = await tx
    .select({ status: pages.status, title: pages.title, bodyHtml: pages.bodyHtml })
    .from(pages)
    .where(eq(pages.id, id))
    .for('update');
  if (!before) throw new Error(`There is no page ${id} to change.`);
  const contentChanged = (['title', 'bodyHtml'] as const).some(
    (field) => values[field] !== undefined && values[field] !== before[field],
  );
  if (before.status === 'published' && contentChanged) {
    await tx.insert(pageRevisions).values({ pageId: id, title: before.title, bodyHtml: before.bodyHtml, savedBy });
  }
  await tx.update(pages).set(values).where(eq(pages.id, id));
  return id;
}
