import 'server-only';
import { permanentRedirect } from 'next/navigation';
import { findRedirectTarget } from '@/db/queries/redirects';
import { getDb } from '@/lib/db';
import { normalizeOldPath } from './paths';

/**
 * Where an old address (a path with its query) now lives, or null; given several forms of one address, the first
 * that has a redirect. Not cached: it is read only on the way to a 404, which is never cached either
 * (lib/cache/keep-only-found.ts), so a page that exists pays nothing for it.
 */
export async function findRedirect(...addresses: string[]): Promise<string | null> {
  const fromPaths = addresses.map((address) => normalizeOldPath(address)).filter((path) => path !== null);
  return findRedirectTarget(await getDb(), fromPaths);
}

/**
 * For a reader's page about to answer 404: sends an address that moved to its new one instead. Next's
 * permanentRedirect() answers 308; the reader gets it as 301 (lib/request/front.ts).
 */
export async function redirectIfMoved(...addresses: string[]): Promise<void> {
  const to = await findRedirect(...addresses);
  if (to) permanentRedirect(to);
}
