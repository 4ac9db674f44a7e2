'use server';

import { getDb } from '@/lib/db';
import { authorizedAction } from '@/lib/actions';
import { revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import { settingsMessages } from './messages';
import { storeMenu } from '@/db/queries/settings';
import { menuFormSchema } from './menu';
import { saveSettings, settingsFormSchema } from './save';

export const saveSettingsAction = authorizedAction('settings:manage', settingsFormSchema, async (data) => {
  await saveSettings(await getDb(), data);
  // Title, credit and page size are on every page; the time zone moves dates and permalinks.
  revalidateTags([tags.settings, tags.posts]);
  return { status: 'ok', message: settingsMessages.saved };
});

/** The header menu, in the order of the numbers typed: every reader's page shows it on its next view. */
export const saveMenuAction = authorizedAction(
  'pages:manage',
  menuFormSchema,
  async (menu) => {
    await storeMenu(await getDb(), menu);
    revalidateTags([tags.menu]);
    return { status: 'ok', message: settingsMessages.menuSaved };
  },
  { invalidMessage: settingsMessages.menuInvalid },
);
