import 'server-only';
import { getSiteSettings, type PublicSettings } from '@/db/queries/settings';
import type { Database } from '@/lib/db';

/** How long a read of the settings serves, at most: a change reaches code outside Next within this. */
const FRESH_MS = 1000;
let last: { at: number; settings: Promise<PublicSettings> } | undefined;

/**
 * The site's settings for code that runs outside Next's requests (lib/request/front.ts), where the pages' cached
 * read (lib/settings/queries.ts) cannot run: one read a second however many requests ask, which under a rush of
 * comments is a query fewer each on a database that answers one at a time (PGlite).
 */
export function recentSettings(db: Database, now = Date.now()): Promise<PublicSettings> {
  if (!last || now - last.at > FRESH_MS) {
    const settings = getSiteSettings(db);
    last = { at: now, settings };
    // A failed read is not kept.
    settings.catch(() => {
      if (last?.settings === settings) last = undefined;
    });
  }
  return last.settings;
}
