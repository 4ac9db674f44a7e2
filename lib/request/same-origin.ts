import { env } from '@/lib/env';
import type { RequestHeaders } from './front';

/**
 * Whether a POST comes from a page of this site (its Origin header): what route handlers that change things check
 * (and the routes answered before Next, lib/request/front.ts), as Next checks it for server actions. Browsers send Origin with every POST; a request without one is refused.
 */
export function isSameOrigin(headers: RequestHeaders): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    const from = new URL(origin);
    return from.origin === new URL(env().SITE_URL).origin || from.host === host;
  } catch {
    return false;
  }
}
