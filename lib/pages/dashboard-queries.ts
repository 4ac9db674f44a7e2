import 'server-only';
import { notFound } from 'next/navigation';
import * as pages from '@/db/queries/pages';
import { getDb } from '@/lib/db';

/** Every page for the dashboard's list, newest change first. */
export async function listPagesForDashboard() {
  return pages.listAllPages(await getDb());
}

/** The page at /dashboard/pages/ID with its earlier versions, or the 404 page. */
export async function getPageWithRevisions(rawId: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = await getDb();
  const page = await pages.getPageForEditing(db, id);
  if (!page) notFound();
  return { page, revisions: await pages.listPageRevisions(db, id) };
}
