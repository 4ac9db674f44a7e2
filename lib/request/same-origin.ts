import { env } from '@/lib/env';

/**
 * Whether a POST comes from a page of this site (its Origin header): what route handlers that change things check,
 * as Next checks it for server actions. Browsers send Origin with every POST; a request without one is refused.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    const from = new URL(origin);
    return from.origin === new URL(env().SITE_URL).origin || from.host === host;
  } catch {
    return false;
  }
}
