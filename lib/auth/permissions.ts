import { userRole, type Post } from '@/db/schema';

export const roles = userRole.enumValues;
export type Role = (typeof roles)[number];

export const actions = [
  'dashboard:view',
  'account:secure', // one's own second factor: open to anyone signed in, even while a required one is missing
  'posts:write', // create posts and edit one's own drafts
  'posts:publish-own', // publish, schedule, unpublish one's own posts
  'posts:manage-any', // edit, publish and delete anyone's posts
  'labels:manage',
  'comments:moderate',
  'people:manage',
  'settings:manage',
  'ads:manage',
  'pages:manage', // pages outside the news (About, Contact, Corrections policy), and the header menu
  'redirects:manage', // old addresses that answer 301 with a new one
  'import', // bring a Blogger or WordPress site in (admins only)
  'export', // download the whole site, people and ad figures included (admins only)
  'subscribers:manage', // the list of email followers: counts, search, remove, CSV; resending a post's failures
] as const;
export type Action = (typeof actions)[number];

/** The one table of who may do what. The UI hides what this refuses; the server refuses it either way. */
const permissions: Record<Role, readonly Action[]> = {
  contributor: ['dashboard:view', 'account:secure', 'posts:write'],
  author: ['dashboard:view', 'account:secure', 'posts:write', 'posts:publish-own'],
  editor: [
    'dashboard:view',
    'account:secure',
    'posts:write',
    'posts:publish-own',
    'posts:manage-any',
    'labels:manage',
    'comments:moderate',
    'pages:manage',
    'redirects:manage',
    'subscribers:manage',
  ],
  moderator: ['dashboard:view', 'account:secure', 'comments:moderate'],
  admin: actions,
};

export function can(role: Role, action: Action): boolean {
  return permissions[role].includes(action);
}

type PostRef = Pick<Post, 'authorId' | 'status'>;
type Actor = { id: string; role: Role };

/** Edit a post's content: editors and admins any post; others their own, and contributors only before publishing. */
export function canEditPost(actor: Actor, post: PostRef): boolean {
  if (can(actor.role, 'posts:manage-any')) return true;
  if (post.authorId !== actor.id || !can(actor.role, 'posts:write')) return false;
  return can(actor.role, 'posts:publish-own') || post.status === 'draft' || post.status === 'review';
}

/** Publish, schedule or unpublish a post. */
export function canPublishPost(actor: Actor, post: PostRef): boolean {
  if (can(actor.role, 'posts:manage-any')) return true;
  return post.authorId === actor.id && can(actor.role, 'posts:publish-own');
}

/** Move a post to the trash (or restore it): the same people who could publish it, or a contributor's own draft. */
export function canDeletePost(actor: Actor, post: PostRef): boolean {
  return canPublishPost(actor, post) || (canEditPost(actor, post) && post.status !== 'published');
}
