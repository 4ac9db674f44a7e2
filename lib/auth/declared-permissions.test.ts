import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredPermissionsIn, serverActionFiles } from './declared-permissions';
import { actions } from './permissions';

// Every action, written out: the e2e matrix proves the server enforces what an action declares, this proves the
// declaration is the intended one, so a new action or a changed permission has to change this test too.
const expected: Record<string, Record<string, string>> = {
  'lib/ads/actions.ts': {
    saveAdAction: 'ads:manage',
    changeAdAction: 'ads:manage',
    requestAdSpaceAction: 'public',
    decideAdRequestAction: 'ads:manage',
  },
  'lib/ads/slot-actions.ts': { saveSlotAction: 'ads:manage', deleteSlotAction: 'ads:manage' },
  'lib/auth/actions.ts': {
    signInAction: 'public',
    signOutAction: 'public',
    requestPasswordResetAction: 'public',
    resetPasswordAction: 'public',
    verifySecondFactorAction: 'public',
  },
  'lib/auth/two-factor-actions.ts': {
    startTwoFactorSetupAction: 'account:secure',
    turnOnTwoFactorAction: 'account:secure',
    turnOffTwoFactorAction: 'account:secure',
    replaceRecoveryCodesAction: 'account:secure',
  },
  'lib/comments/actions.ts': {
    reportCommentAction: 'public',
    moderateCommentsAction: 'comments:moderate',
    undoDecisionAction: 'comments:moderate',
    blockCommenterAction: 'comments:moderate',
  },
  'lib/comments/reply-actions.ts': {
    confirmRepliesAction: 'public',
    stopRepliesAction: 'public',
    forgetRepliesAction: 'public',
  },
  'lib/pages/actions.ts': { savePageAction: 'pages:manage', restorePageRevisionAction: 'pages:manage' },
  'lib/people/actions.ts': {
    createPersonAction: 'people:manage',
    updatePersonAction: 'people:manage',
    updateProfileAction: 'dashboard:view',
    changePasswordAction: 'dashboard:view',
    setupAction: 'public',
    createResetLinkAction: 'people:manage',
    resetTwoFactorAction: 'people:manage',
  },
  'lib/posts/actions.ts': {
    savePostAction: 'posts:write',
    autosaveAction: 'posts:write',
    trashPostAction: 'posts:write',
    restoreRevisionAction: 'posts:write',
  },
  'lib/redirects/actions.ts': {
    saveRedirectAction: 'redirects:manage',
    deleteRedirectAction: 'redirects:manage',
    importRedirectsAction: 'redirects:manage',
  },
  'lib/settings/actions.ts': { saveSettingsAction: 'settings:manage', saveMenuAction: 'pages:manage' },
  'lib/subscribers/admin-actions.ts': {
    removeSubscriberAction: 'subscribers:manage',
    importSubscribersAction: 'subscribers:manage',
    resendFailedAction: 'subscribers:manage',
  },
  'lib/subscribers/actions.ts': {
    followAction: 'public',
    savePreferencesAction: 'public',
    unsubscribeAction: 'public',
    forgetAction: 'public',
    confirmFollowAction: 'public',
  },
};

// Every server action must say what it needs: the e2e role matrix tries each one as every role against that.
describe('every server action declares its permission', () => {
  const files = serverActionFiles(['app', 'components', 'lib']);

  it('finds every server-action module', () => expect(files).toEqual(Object.keys(expected).sort()));

  for (const file of files) {
    it(file, () => {
      const declared = declaredPermissionsIn(file, fs.readFileSync(file, 'utf8'));
      expect(declared.size).toBeGreaterThan(0);
      for (const { permission } of declared.values()) expect(['public', ...actions]).toContain(permission);
      const permissions = Object.fromEntries([...declared].map(([name, { permission }]) => [name, permission]));
      expect(permissions).toEqual(expected[file]);
    });
  }
});

describe('reading a declaration', () => {
  const source = (body: string) =>
    `'use server';\nimport { z } from 'zod';\nexport type State = { ok: boolean };\n${body}`;

  it('reads the permission or public', () => {
    const declared = declaredPermissionsIn(
      'x.ts',
      source(
        "export const a = authorizedAction('ads:manage', schema, handler);\n" +
          'export const b = publicButtonAction(schema, handler);',
      ),
    );
    expect(Object.fromEntries(declared)).toEqual({
      a: { permission: 'ads:manage', button: false },
      b: { permission: 'public', button: true },
    });
  });

  it.each([
    ['a plain function', 'export async function sneaky(formData: FormData) {}', /sneaky in x.ts is exported without/],
    ['an unknown wrapper', 'export const sneaky = myAction(schema, handler);', /sneaky in x.ts is not built with/],
    ['an unknown permission', "export const sneaky = authorizedAction('ads:sell', s, h);", /sneaky in x.ts does not/],
    ['a computed permission', 'export const sneaky = authorizedAction(perm, s, h);', /sneaky in x.ts does not/],
    ['a re-export', "export { sneaky } from './y';", /sneaky.*in x.ts is exported without/],
  ])('refuses %s', (_, body, error) => {
    expect(() => declaredPermissionsIn('x.ts', source(body))).toThrow(error);
  });
});
