import { describe, expect, it } from 'vitest';
import { actions, can, canDeletePost, canEditPost, canPublishPost, roles, type Action, type Role } from './permissions';

// The whole table, written out: a change to who may do what has to change this test too.
const expected: Record<Role, Action[]> = {
  admin: [...actions],
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
  author: ['dashboard:view', 'account:secure', 'posts:write', 'posts:publish-own'],
  contributor: ['dashboard:view', 'account:secure', 'posts:write'],
  moderator: ['dashboard:view', 'account:secure', 'comments:moderate'],
};

describe('the role table', () => {
  for (const role of roles) {
    for (const action of actions) {
      const allowed = expected[role].includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => expect(can(role, action)).toBe(allowed));
    }
  }
});

describe('rights on one post', () => {
  const me = 'me';
  const statuses = ['draft', 'review', 'scheduled', 'published'] as const;

  it.each(statuses)('on their own %s post', (status) => {
    const own = { authorId: me, status };
    const early = status === 'draft' || status === 'review';
    expect(canEditPost({ id: me, role: 'contributor' }, own)).toBe(early);
    expect(canPublishPost({ id: me, role: 'contributor' }, own)).toBe(false);
    expect(canDeletePost({ id: me, role: 'contributor' }, own)).toBe(early);
    expect(canEditPost({ id: me, role: 'author' }, own)).toBe(true);
    expect(canPublishPost({ id: me, role: 'author' }, own)).toBe(true);
    expect(canEditPost({ id: me, role: 'moderator' }, own)).toBe(false);
  });

  it.each(statuses)('on someone else’s %s post', (status) => {
    const theirs = { authorId: 'someone-else', status };
    for (const role of ['contributor', 'author', 'moderator'] as const) {
      expect(canEditPost({ id: me, role }, theirs)).toBe(false);
      expect(canPublishPost({ id: me, role }, theirs)).toBe(false);
      expect(canDeletePost({ id: me, role }, theirs)).toBe(false);
    }
    for (const role of ['editor', 'admin'] as const) {
      expect(canEditPost({ id: me, role }, theirs)).toBe(true);
      expect(canPublishPost({ id: me, role }, theirs)).toBe(true);
      expect(canDeletePost({ id: me, role }, theirs)).toBe(true);
    }
  });
});
