import http from 'node:http';
import { env } from '@/lib/env';

/** Whether a caching proxy in front of Broadsheet takes refreshes (deploy/nginx.conf's refresh listener). */
export function proxyRefreshConfigured(): boolean {
  return Boolean(env().CACHE_REFRESH_URL);
}

/**
 * Asks the caching proxy for fresh copies of these pages. nginx's micro-cache keeps a page for one to two
 * seconds; its refresh listener (CACHE_REFRESH_URL) fetches each page from Next, bypassing its copy, and stores
 * the answer in its place, so a change is live through nginx as soon as it is on Next. The request names the
 * public host (SITE_URL's) because nginx keys its copies by host and path. A proxy that cannot be reached costs
 * nothing but the refresh: its copies still expire within two seconds.
 */
export async function refreshProxyCache(paths: string[]): Promise<void> {
  const base = env().CACHE_REFRESH_URL;
  if (!base || paths.length === 0) return;
  const host = new URL(env().SITE_URL).host;
  const unique = [...new Set(paths)];
  const failed = (await Promise.all(unique.map((path) => refreshOne(new URL(path, base), host)))).filter(Boolean);
  if (failed.length)
    warnAtMostEveryMinute(
      `Cache refresh through ${base} failed for ${failed.length} of ${unique.length} pages: ${failed[0]}`,
    );
}

/** A proxy that is down fails every refresh: one line a minute says so, with how many were not printed. */
const warnings = { lastAt: 0, unprinted: 0 };
function warnAtMostEveryMinute(message: string) {
  const now = Date.now();
  if (now - warnings.lastAt < 60_000) {
    warnings.unprinted++;
    return;
  }
  const more = warnings.unprinted ? ` (and ${warnings.unprinted} more since the last message)` : '';
  console.warn(message + more);
  warnings.lastAt = now;
  warnings.unprinted = 0;
}

/** Resolves to undefined when the proxy answered, or to what went wrong. */
function refreshOne(url: URL, host: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { headers: { host }, timeout: 10_000 }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve(
          response.statusCode && response.statusCode < 500 ? undefined : `${url.pathname}: ${response.statusCode}`,
        ),
      );
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (error) => resolve(`${url.pathname}: ${error.message}`));
  });
}
