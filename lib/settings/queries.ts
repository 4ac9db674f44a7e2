import 'server-only';
import { getSiteSettings, getStoredMenu } from '@/db/queries/settings';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';
import { readMenu } from './menu';

export type { PublicSettings } from '@/db/queries/settings';

export const getSettings = cached('settings', getSiteSettings, () => [tags.settings]);

/** The header menu's entries, in order (the default ones until an admin changes them). */
export const getMenu = cached(
  'menu',
  async (db) => readMenu(await getStoredMenu(db)),
  () => [tags.menu],
);
