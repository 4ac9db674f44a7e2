import { scriptPolicyForPage } from '@/lib/security-headers';
import type { CacheEntry } from './keep-only-found';

export const SCRIPT_POLICY_HEADER = 'content-security-policy';

/**
 * Gives a page about to be stored the policy that lets its own inline scripts run and no others
 * (lib/security-headers.ts). Next sends a stored page's headers with it on every hit, after next.config's, so the
 * page carries both policies: the site-wide one and its scripts'. Changes the entry in place: Next answers the
 * request that rendered it from the same object. Every cache handler calls it on `set`; the pages prerendered by
 * `next build` get theirs from scripts/build.ts.
 */
export function addScriptPolicy(entry: CacheEntry): void {
  if (!entry || String(entry.kind) !== 'APP_PAGE' || !('html' in entry) || typeof entry.html !== 'string') return;
  entry.headers = { ...entry.headers, [SCRIPT_POLICY_HEADER]: scriptPolicyForPage(entry.html) };
}
