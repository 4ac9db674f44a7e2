import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { redirects } from '@/db/schema';
import type { Database } from '@/lib/db';
import { normalizeOldPath } from './paths';

export type RedirectWrite = { fromPath: string; toPath: string; source: (typeof redirects.source.enumValues)[number] };

/**
 * Adds or changes redirects, the one place they are written (the dashboard, a post's slug changing, imports). Old
 * paths are normalised (lib/redirects/paths.ts); one that would point at itself is dropped. Redirects that led to an
 * address which now moves on lead straight to the new one, so a reader is never sent down a chain.
 */
export async function saveRedirects(tx: Database, rows: RedirectWrite[]): Promise<void> {
  const byFrom = new Map<string, RedirectWrite>();
  for (const row of rows) {
    const fromPath = normalizeOldPath(row.fromPath);
    if (fromPath && fromPath !== normalizeOldPath(row.toPath)) byFrom.set(fromPath, { ...row, fromPath });
  }
  const values = [...byFrom.values()];
  if (values.length === 0) return;
  await tx
    .insert(redirects)
    .values(values)
    .onConflictDoUpdate({
      target: redirects.fromPath,
      set: { toPath: sql`excluded.to_path`, source: sql`excluded.source`, updatedAt: sql`now()` },
    });
  for (const { fromPath, toPath } of values) {
    await tx
      .update(redirects)
      .set({ toPath, updatedAt: sql`now()` })
      .where(and(eq(redirects.toPath, fromPath), ne(redirects.fromPath, normalizeOldPath(toPath) ?? toPath)));
  }
  // A redirect whose old path is now a new one's destination would loop back: the live address wins.
  await tx.delete(redirects).where(
    inArray(
      redirects.fromPath,
      values.map((row) => normalizeOldPath(row.toPath) ?? row.toPath),
    ),
  );
}
