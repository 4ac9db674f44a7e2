import type { Post } from '@/db/schema';
import type { Intent } from './editing';

export type PostStatus = Post['status'];
export type CommentsMode = Post['commentsMode'];

/**
 * What people are told about posts: the editor, its server actions and the posts list all read these. Keyed by the
 * schema's enums, so a new status or mode that has no words yet fails the type check.
 */
export const postMessages = {
  status: {
    draft: 'Draft',
    review: 'In review',
    scheduled: 'Scheduled',
    published: 'Published',
  } satisfies Record<PostStatus, string>,
  /** After a save, by where the post ended up. */
  saved: {
    draft: 'Draft saved.',
    review: 'Submitted for review. An editor will publish it.',
    scheduled: 'Scheduled.',
    published: 'Published. It is live now.',
  } satisfies Record<PostStatus, string>,
  /** After "Update" on a post that is live, or waiting to go live. */
  updated: {
    published: 'Updated: the live post shows the change.',
    scheduled: 'Updated: the scheduled post will go out with this version.',
  } satisfies Partial<Record<PostStatus, string>>,
  unpublished: 'Unpublished: readers no longer see it.',
  restored: 'The earlier version is back.',
  /** The choices of a post's comments, in the order the editor offers them. */
  commentsMode: {
    site: 'As the site settings say',
    hold_first: 'Hold first-time commenters',
    hold_all: 'Hold every comment',
    approve: 'Publish at once',
    closed: 'Closed',
  } satisfies Record<CommentsMode, string>,
  /** Under the labels field: only editors and admins add labels. */
  labelsHint: {
    create: 'Separated by commas, e.g. Harbour, Weather',
    pick: 'Separated by commas, from the labels the site has: an editor adds new ones.',
  },
  invalid: 'The post was not saved: please correct the marked fields.',
  notSaved: (reason?: string) => (reason ? `The post was not saved: ${reason}` : 'The post was not saved.'),
  notYours: 'You may not make that change to this post.',
  gone: 'That post no longer exists.',
  slugTaken: 'Another post already uses this slug. Choose a different one.',
  unknownLabels: (names: string[]) =>
    names.length === 1
      ? `There is no label “${names[0]}”: choose one the site has, or ask an editor to add it.`
      : `There are no labels ${names.map((name) => `“${name}”`).join(', ')}: choose ones the site has, or ask an editor to add them.`,
  notAutosaved: 'Live posts are not autosaved: press Update to publish your changes.',
};

/** What the writer is told, by what they pressed and where the post ended up. */
export function doneMessage(intent: Intent, status: PostStatus): string {
  if (intent === 'unpublish') return postMessages.unpublished;
  if (intent === 'save' && (status === 'published' || status === 'scheduled')) return postMessages.updated[status];
  return postMessages.saved[status];
}

/** The message for `?saved=…`, which the editor shows after a save that moved to the post's own address. */
export function savedMessage(saved: string | undefined): string | undefined {
  if (saved === 'restored') return postMessages.restored;
  return saved && Object.hasOwn(postMessages.saved, saved) ? postMessages.saved[saved as PostStatus] : undefined;
}
