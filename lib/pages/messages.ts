import type { Page } from '@/db/schema';

/** What the page editor and the list say. */
export const pageMessages = {
  status: { draft: 'Draft', published: 'Published' } satisfies Record<Page['status'], string>,
  invalid: 'The page was not saved: please correct the marked fields.',
  slugTaken: 'Another page has this slug.',
  gone: 'This page no longer exists.',
  done: {
    save: 'Draft saved.',
    publish: 'Published. Readers see it now.',
    unpublish: 'Unpublished: readers no longer see it.',
    update: 'Updated. Readers see the change now.',
    restored: 'The earlier version is back; the one it replaced is in the list of versions.',
  },
};
