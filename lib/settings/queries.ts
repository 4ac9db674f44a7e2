import 'server-only';
import { getSiteSettings } from '@/db/queries/settings';
import { cached } from '@/lib/cache/cached';
import { tags } from '@/lib/cache/tags';

export type { PublicSettings } from '@/db/queries/settings';

export const getSettings = cached('settings', getSiteSettings, () => [tags.settings]);
