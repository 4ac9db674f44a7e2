import type { SiteSettings } from '@/db/schema';

/** What the settings page says, keyed by the schema's enums (a new mode without words fails the type check). */
export const settingsMessages = {
  /** How new comments are moderated, in the order the settings page offers them. */
  moderationMode: {
    hold_first: 'Hold first-time commenters for moderation',
    hold_all: 'Hold every comment for moderation',
    approve: 'Publish at once',
  } satisfies Record<SiteSettings['moderationMode'], string>,
  saved: 'Settings saved. Every page shows them now.',
  menuSaved: 'Menu saved. Every page shows it now.',
  menuInvalid: 'The menu was not saved: please correct the marked entries.',
};
