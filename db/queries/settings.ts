import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { siteSettings, type SiteSettings } from '../schema';

export const defaultSettings: Omit<SiteSettings, 'id' | 'updatedAt' | 'menu'> = {
  title: 'Broadsheet',
  description: 'Independent news.',
  themeCredit: 'Broadsheet Classic theme',
  postsPerPage: 10,
  timeZone: 'UTC',
  moderationMode: 'hold_first',
  commentsCloseAfterDays: null,
  maxLinks: 2,
  suspectWords: '',
  blockedWords: '',
  requireEmail: false,
  minSubmitSeconds: 3,
  maxReplyDepth: 5,
  feedFullText: true,
  mailFullText: false,
  adsTxt: '',
  requireTwoFactor: false,
};

export type PublicSettings = typeof defaultSettings;

export async function getSiteSettings(db: Database): Promise<PublicSettings> {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1));
  if (!row) return defaultSettings;
  const { id: _id, updatedAt: _updatedAt, menu: _menu, ...settings } = row;
  return settings;
}

/** The header menu as stored (null: never changed), for lib/settings/menu.ts to check. */
export async function getStoredMenu(db: Database): Promise<unknown> {
  const [row] = await db.select({ menu: siteSettings.menu }).from(siteSettings).where(eq(siteSettings.id, 1));
  return row?.menu ?? null;
}

/** Stores the header menu, on the settings row (made with the defaults if the site has none yet). */
export async function storeMenu(db: Database, menu: unknown, now = new Date()): Promise<void> {
  await db
    .insert(siteSettings)
    .values({ id: 1, ...defaultSettings, menu, updatedAt: now })
    .onConflictDoUpdate({ target: siteSettings.id, set: { menu, updatedAt: now } });
}
