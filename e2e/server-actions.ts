import fs from 'node:fs';
import { createRequire } from 'node:module';
import { DEMO_PASSWORD } from '../lib/seed/demo-accounts';

/**
 * Calls server actions over HTTP the way a forged request would: no page, no button, just the action id and
 * React's own argument encoding. Used to prove that refusals come from the server, not from hidden buttons.
 */
const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.edge.js') as {
  encodeReply: (args: unknown[]) => Promise<FormData | string>;
};

type Manifest = {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
};

/** A server action in the build, with the app pages that use it (as `app/(dashboard)/dashboard/posts/[id]/page`). */
export type ServerAction = { id: string; file: string; name: string; pages: string[] };

/** Every server action in the build, as its manifest lists them. */
export function serverActions(): ServerAction[] {
  const manifest = JSON.parse(
    fs.readFileSync(`${process.env.NEXT_DIST_DIR || '.next-e2e'}/server/server-reference-manifest.json`, 'utf8'),
  ) as Manifest;
  return Object.entries(manifest.node).map(([id, ref]) => ({
    id,
    file: ref.filename,
    name: ref.exportedName,
    pages: Object.keys(ref.workers),
  }));
}

export function actionId(file: string, name: string): string {
  const found = serverActions().find((action) => action.file === file && action.name === name);
  if (!found) throw new Error(`No server action ${name} in ${file}`);
  return found.id;
}

/** A session cookie for a demo account, through Auth.js's own credentials endpoint. */
export async function sessionCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => c.includes('session-token'));
  if (session.length === 0) throw new Error(`Could not sign in as ${email}`);
  return [...csrfCookie, ...session].join('; ');
}

type Call = {
  baseUrl: string;
  page: string;
  file: string;
  name: string;
  fields: Record<string, string>;
  cookie?: string;
  formState?: boolean;
  headers?: Record<string, string>;
};

/**
 * Posts a form to a server action and returns the HTTP status (redirects are not followed). A page that does not
 * use the action answers an empty object: that is a mistake in the test, not a refusal, so it throws.
 */
export async function callAction(call: Call): Promise<number> {
  return (await postAction(call)).status;
}

/** The same, with the action's answer as text (React's wire format, in which the returned state can be read). */
export async function postAction({ baseUrl, page, file, name, fields, cookie, formState = true, headers = {} }: Call) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const body = await encodeReply(formState ? [{ status: 'idle' }, form] : [form]);
  const response = await fetch(baseUrl + page, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Next-Action': actionId(file, name), Accept: 'text/x-component', ...(cookie && { cookie }), ...headers },
    body,
  });
  const text = await response.text();
  if (response.status === 200 && text.trim() === '{}') throw new Error(`${page} does not use ${name}`);
  return { status: response.status, text };
}
