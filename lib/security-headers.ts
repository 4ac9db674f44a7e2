/**
 * The headers every response carries, as next.config.ts `headers()` rules: set there rather than in a page or the
 * proxy, they also reach prerendered and cached pages, which are served without running any of our code. Pure (no
 * environment read here): next.config.ts passes the site's address, so it stays one import away from lib/env.
 */

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/**
 * Scripts are not restricted yet: a strict script-src needs the hashes of Next's per-page inline scripts. What is
 * here holds already: no plugins, no <base> pointing elsewhere, and forms post only to this site.
 */
const contentSecurityPolicy = ["object-src 'none'", "base-uri 'self'", "form-action 'self'"];

/** Pages where a click in a frame could act for a signed-in person: no site may frame them. */
const unframeable = ['/dashboard/:path*', '/signin/:path*', '/setup'];

export function securityHeaders(siteUrl: string): HeaderRule[] {
  const everywhere = [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Not `no-referrer`: forms would then post with `Origin: null`, which Next refuses as a cross-site action.
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
    { key: 'Content-Security-Policy', value: contentSecurityPolicy.join('; ') },
    // Browsers ignore it over plain http; a site served over http (a local one) must not promise https.
    ...(new URL(siteUrl).protocol === 'https:'
      ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
      : []),
  ];
  return [
    { source: '/:path*', headers: everywhere },
    // A later rule's header replaces an earlier one's of the same name, so the policy is written out whole.
    ...unframeable.map((source) => ({
      source,
      headers: [
        { key: 'Content-Security-Policy', value: [...contentSecurityPolicy, "frame-ancestors 'none'"].join('; ') },
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    })),
    // The reset link's token is in the address: the header says at once what the page's own <meta> says (no
    // Referer to other sites), before the browser has parsed a byte of the page.
    { source: '/signin/reset/:token', headers: [{ key: 'Referrer-Policy', value: 'same-origin' }] },
  ];
}
