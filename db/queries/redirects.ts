import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client';
import { redirects } from '../schema';

/** Where the first of these normalised old paths that has a redirect now lives, or null. */
export async function findRedirectTarget(db: Database, fromPaths: string[]): Promise<string | null> {
  if (fromPaths.length === 0) return null;
  const rows = await db
    .select({ fromPath: redirects.fromPath, toPath: redirects.toPath })
    .from(redirects)
    .where(inArray(redirects.fromPath, fromPaths));
  const byFrom = new Map(rows.map((row) => [row.fromPath, row.toPath]));
  return fromPaths.map((path) => byFrom.get(path)).find((to) => to !== undefined) ?? null;
}

export async function listRedirects(db: Database) {
  return db.select().from(redirects).orderBy(asc(redirects.fromPath));
}

export async function getRedirect(db: Database, id: number) {
  const [row] = await db.select().from(redirects).where(eq(redirects.id, id));
  return row ?? null;
}
