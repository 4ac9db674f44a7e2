import { expect, test } from '@playwright/test';
import { declaredPermission } from '../lib/auth/declared-permissions';
import { can } from '../lib/auth/permissions';
import { draft } from './demo';
import { unique, type Role } from './fixtures';
import { callAction, serverActions, sessionCookie, type ServerAction } from './server-actions';

const roles: Role[] = ['admin', 'editor', 'author', 'contributor', 'moderator'];
const posts = { file: 'lib/posts/actions.ts', name: 'savePostAction', page: '/dashboard/posts/new' };

type MatrixAction = {
  name: string;
  allowed: Role[];
  call: (baseUrl: string, cookie: string | undefined, role: Role) => Promise<number>;
};

// The important actions, done for real by each role: the roles allowed succeed, and the rules of the handlers
// themselves (whose post, publishing) refuse the rest with 403.
const matrix: MatrixAction[] = [
  {
    name: 'create a draft',
    allowed: ['admin', 'editor', 'author', 'contributor'],
    call: (baseUrl, cookie, role) =>
      callAction({
        baseUrl,
        cookie,
        ...posts,
        fields: { title: `Matrix draft ${role} ${unique()}`, slug: '', intent: 'save' },
      }),
  },
  {
    name: 'publish their own post',
    allowed: ['admin', 'editor', 'author'],
    call: (baseUrl, cookie, role) =>
      callAction({
        baseUrl,
        cookie,
        ...posts,
        fields: { title: `Matrix live ${role} ${unique()}`, slug: '', intent: 'publish' },
      }),
  },
  {
    name: 'edit someone else’s post',
    allowed: ['admin', 'editor'],
    // The demo draft belongs to a demo author, never to these accounts.
    call: async (baseUrl, cookie) =>
      callAction({
        baseUrl,
        cookie,
        ...posts,
        fields: { id: String(draftId), title: draft.title, slug: draft.slug, intent: 'save' },
      }),
  },
  {
    name: 'change the site settings',
    allowed: ['admin'],
    call: (baseUrl, cookie) =>
      callAction({
        baseUrl,
        cookie,
        page: '/dashboard/settings',
        file: 'lib/settings/actions.ts',
        name: 'saveSettingsAction',
        fields: {
          title: 'The Harbour Ledger',
          description: 'Independent news from the harbour town, since the first tide.',
          themeCredit: 'Broadsheet Classic theme',
          postsPerPage: '6',
          timeZone: 'UTC',
          moderationMode: 'hold_first',
          commentsCloseAfterDays: '',
          maxLinks: '2',
          // The seeded word lists: other tests rely on them.
          suspectWords: 'casino\ncrypto giveaway',
          blockedWords: 'scoundrel',
          requireEmail: 'no',
          minSubmitSeconds: '3',
          feedFullText: 'yes',
          requireTwoFactor: 'no',
        },
      }),
  },
  {
    name: 'moderate comments',
    allowed: ['admin', 'editor', 'moderator'],
    // No comment selected: allowed roles are sent back to the queue with a message, the rest refused.
    call: (baseUrl, cookie) =>
      callAction({
        baseUrl,
        cookie,
        page: '/dashboard/comments',
        file: 'lib/comments/actions.ts',
        name: 'moderateCommentsAction',
        formState: false,
        fields: { decision: 'approve' },
      }),
  },
  {
    name: 'undo a comment decision',
    allowed: ['admin', 'editor', 'moderator'],
    // No decision of theirs to undo: allowed roles are sent back to the queue with a message, the rest refused.
    call: (baseUrl, cookie) =>
      callAction({
        baseUrl,
        cookie,
        page: '/dashboard/comments',
        file: 'lib/comments/actions.ts',
        name: 'undoDecisionAction',
        formState: false,
        fields: { id: '999999' },
      }),
  },
  {
    name: 'manage ads',
    allowed: ['admin'],
    call: (baseUrl, cookie) =>
      callAction({
        baseUrl,
        cookie,
        page: '/dashboard/ads/new',
        file: 'lib/ads/actions.ts',
        name: 'saveAdAction',
        fields: {
          advertiser: 'Matrix',
          slotId: '999999',
          headline: 'h',
          altText: 'a',
          targetUrl: 'https://example.com',
          weight: '1',
        },
      }),
  },
  {
    name: 'manage ad slots',
    allowed: ['admin'],
    // A key that does not parse: the admin gets the form back with a message, nothing is written.
    call: (baseUrl, cookie) =>
      callAction({
        baseUrl,
        cookie,
        page: '/dashboard/ads/slots/new',
        file: 'lib/ads/slot-actions.ts',
        name: 'saveSlotAction',
        fields: { key: 'Not A Key', name: 'Matrix', placement: 'sidebar', width: '300', height: '250', price: '1' },
      }),
  },
  {
    name: 'reset someone’s second factor',
    allowed: ['admin'],
    // Nobody has this id: the admin's reset changes nothing, and the others are refused.
    call: (baseUrl, cookie) =>
      callAction({
        baseUrl,
        cookie,
        page: '/dashboard/people',
        file: 'lib/people/actions.ts',
        name: 'resetTwoFactorAction',
        formState: false,
        fields: { id: '00000000-0000-4000-8000-000000000000' },
      }),
  },
  {
    name: 'create an account',
    allowed: ['admin'],
    call: (baseUrl, cookie, role) =>
      callAction({
        baseUrl,
        cookie,
        page: '/dashboard/people',
        file: 'lib/people/actions.ts',
        name: 'createPersonAction',
        fields: {
          name: 'Matrix Person',
          email: `matrix-${role}-${unique()}@example.com`,
          role: 'admin',
          password: 'a-long-password',
        },
      }),
  },
];

test.describe.configure({ mode: 'serial' });

let draftId = 0;
test.beforeAll(async ({ baseURL }) => {
  // The demo draft's id, read from the posts list as an admin sees it.
  const cookie = await sessionCookie(baseURL!, 'admin@broadsheet.test');
  const html = await (
    await fetch(`${baseURL}/dashboard/posts?status=draft&q=${encodeURIComponent(draft.title)}`, { headers: { cookie } })
  ).text();
  draftId = Number(/href="\/dashboard\/posts\/(\d+)"/.exec(html)?.[1]);
  expect(draftId).toBeGreaterThan(0);
});

/**
 * A page that uses the action, as a URL: route groups dropped, every parameter 1 (the action runs before the page
 * renders, so a post 1 that is not there changes nothing). A page without parameters when there is one.
 */
function pageOf(action: ServerAction): string {
  const [page] = [...action.pages].sort((a, b) => Number(a.includes('[')) - Number(b.includes('[')));
  if (!page) throw new Error(`No page uses ${action.name} in ${action.file}`);
  const url = page
    .replace(/^app/, '')
    .replace(/\/page$/, '')
    .replace(/\/\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '1');
  return url || '/';
}

test('every action in the build × every role: refused unless the role has the permission the action declares', async ({
  baseURL,
}) => {
  // 150-odd requests on a loaded machine.
  test.setTimeout(300_000);
  const cookies: Record<Role | 'signed out', string> = {
    ...Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, await sessionCookie(baseURL!, `${role}@broadsheet.test`)])),
    ),
    // A session cookie that is no session (forged, or expired): past the proxy, the action's own check answers.
    'signed out': 'authjs.session-token=not-a-session',
  };
  const callers = [...roles, 'signed out' as const];
  const actions = serverActions();
  expect(actions.length, 'server actions in the build').toBeGreaterThan(0);
  const results: string[] = [];
  for (const action of actions) {
    // An action that declares no permission (or an unknown one) throws here, naming itself.
    const { permission, button } = declaredPermission(action.file, action.name);
    const page = pageOf(action);
    // Empty fields: nothing is written, whoever gets through is answered "invalid" (or 404, for a button).
    const statuses = await Promise.all(
      callers.map((caller) =>
        callAction({
          baseUrl: baseURL!,
          page,
          file: action.file,
          name: action.name,
          fields: {},
          cookie: cookies[caller],
          formState: !button,
        }),
      ),
    );
    callers.forEach((caller, i) => {
      const status = statuses[i];
      const label = `${action.name} (${permission}) as ${caller} via ${page}`;
      results.push(`${action.name} / ${caller}: ${status}`);
      if (permission !== 'public' && caller === 'signed out') expect.soft(status, label).toBe(401);
      else if (permission !== 'public' && !can(caller as Role, permission)) expect.soft(status, label).toBe(403);
      else {
        expect.soft([401, 403], label).not.toContain(status);
        expect.soft(status, label).toBeLessThan(500);
      }
    });
  }
  console.log(`${actions.length} actions × ${callers.length} callers\n${results.join('\n')}`);
});

test('the important actions × every role: allowed and done, or refused with 403 by the server', async ({ baseURL }) => {
  const cookies = Object.fromEntries(
    await Promise.all(roles.map(async (role) => [role, await sessionCookie(baseURL!, `${role}@broadsheet.test`)])),
  );
  const results: string[] = [];
  for (const action of matrix) {
    for (const role of roles) {
      const status = await action.call(baseURL!, cookies[role], role);
      const allowed = action.allowed.includes(role);
      results.push(`${action.name} / ${role}: ${status}`);
      if (allowed) expect.soft([200, 303], `${action.name} as ${role}`).toContain(status);
      else expect.soft(status, `${action.name} as ${role}`).toBe(403);
    }
  }
  console.log(results.join('\n'));
});

test('dashboard pages answer 403 to roles without the right', async ({ baseURL }) => {
  const pages: [string, Role[]][] = [
    ['/dashboard/posts', ['admin', 'editor', 'author', 'contributor']],
    ['/dashboard/people', ['admin']],
    ['/dashboard/settings', ['admin']],
    ['/dashboard/import', ['admin']],
    ['/dashboard/export', ['admin']],
    ['/dashboard/export/wxr', ['admin']],
    ['/dashboard/ads', ['admin']],
    ['/dashboard/ads/slots', ['admin']],
    ['/dashboard/comments', ['admin', 'editor', 'moderator']],
    ['/dashboard/pages', ['admin', 'editor']],
    ['/dashboard/redirects', ['admin', 'editor']],
    ['/dashboard/settings/menu', ['admin', 'editor']],
    ['/dashboard/profile', roles],
    ['/dashboard/profile/two-factor', roles],
  ];
  for (const role of roles) {
    const cookie = await sessionCookie(baseURL!, `${role}@broadsheet.test`);
    for (const [path, allowed] of pages) {
      const response = await fetch(baseURL + path, { headers: { cookie }, redirect: 'manual' });
      expect.soft(response.status, `${path} as ${role}`).toBe(allowed.includes(role) ? 200 : 403);
    }
  }
});

test('forged server-action calls without a session are refused', async ({ baseURL }) => {
  // Through a page the proxy does not guard, the action itself answers 401.
  const forged = await callAction({
    baseUrl: baseURL!,
    page: '/setup',
    file: 'lib/people/actions.ts',
    name: 'createPersonAction',
    fields: { name: 'Intruder', email: 'intruder@example.com', role: 'admin', password: 'a-long-password' },
  });
  expect(forged).toBe(401);
  // Through a dashboard page, the proxy sends it to sign in before the action runs.
  const viaDashboard = await callAction({
    baseUrl: baseURL!,
    ...posts,
    fields: { title: 'Forged', slug: '', intent: 'publish' },
  });
  expect(viaDashboard).toBe(307);
  // And nothing was written.
  const admin = await sessionCookie(baseURL!, 'admin@broadsheet.test');
  const people = await (await fetch(`${baseURL}/dashboard/people`, { headers: { cookie: admin } })).text();
  expect(people).toContain('admin@broadsheet.test');
  expect(people).not.toContain('intruder@example.com');
});
