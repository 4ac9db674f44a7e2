import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { siteSettings, type SiteSettings } from '../schema';

export const defaultSettings: Omit<SiteSettings, 'id' | 'updatedAt'> = {
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
  adsTxt: '',
  requireTwoFactor: false,
};

export type PublicSettings = typeof defaultSettings;

export async function getSiteSettings(db: Database): Promise<PublicSettings> {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1));
  if (!row) return defaultSettings;
  const { id: _id, updatedAt: _updatedAt, ...settings } = row;
  return settings;
}
