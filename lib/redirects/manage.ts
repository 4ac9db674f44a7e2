import 'server-only';
import { eq } from 'drizzle-orm';
import { redirects } from '@/db/schema';
import type { Database } from '@/lib/db';
import { redirectMessages } from './messages';
import { checkRedirect, parseRedirectsCsv, type CsvRedirects } from './rules';
import { saveRedirects } from './write';

type Refused = { ok: false; notFound?: true; field?: 'fromPath' | 'toPath'; message: string };

/** Adds a redirect, or changes one (`id`), from the dashboard. */
export async function saveManualRedirect(
  db: Database,
  form: { id?: number; fromPath: string; toPath: string },
): Promise<{ ok: true } | Refused> {
  const checked = checkRedirect(form.fromPath, form.toPath);
  if (!checked.ok) return checked;
  const { fromPath, toPath } = checked;
  const found = await db.transaction(async (tx) => {
    // A changed old address is another row: the one being edited goes, the new one takes its place.
    if (form.id) {
      const removed = await tx.delete(redirects).where(eq(redirects.id, form.id)).returning({ id: redirects.id });
      if (removed.length === 0) return false;
    }
    await saveRedirects(tx, [{ fromPath, toPath, source: 'manual' }]);
    return true;
  });
  return found ? { ok: true } : { ok: false, notFound: true, message: redirectMessages.gone };
}

export async function deleteRedirect(db: Database, id: number): Promise<boolean> {
  return (await db.delete(redirects).where(eq(redirects.id, id)).returning({ id: redirects.id })).length > 0;
}

/** Imports a CSV's redirects in one transaction; the lines it refused come back, each with why. */
export async function importRedirectsCsv(db: Database, text: string): Promise<CsvRedirects> {
  const parsed = parseRedirectsCsv(text);
  const rows = parsed.rows.map((row) => ({ ...row, source: 'manual' as const }));
  await db.transaction((tx) => saveRedirects(tx, rows));
  return parsed;
}
