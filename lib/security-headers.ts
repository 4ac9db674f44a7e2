/**
 * The headers every response carries, as next.config.ts `headers()` rules: set there rather than in a page or the
 * proxy, they also reach prerendered and cached pages, which are served without running any of our code. Pure (no
 * environment read here): next.config.ts passes the site's address, so it stays one import away from lib/env.
 */

import { createHash } from 'node:crypto';

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/**
 * The site-wide policy, sent with every response: no plugins, no <base> pointing elsewhere, forms post only to this
 * site. Scripts are restricted by a second policy per page (browsers enforce every policy they are sent): the
 * hashes of a stored page's inline scripts (`scriptPolicyForPage`, added as the page enters the cache or at
 * build), or a nonce on pages rendered per request (`scriptPolicyWithNonce`, from proxy.ts).
 */
const contentSecurityPolicy = ["object-src 'none'", "base-uri 'self'", "form-action 'self'"];

const inlineScripts = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** Scripts a browser runs: no `src`, and no type or a JavaScript one (JSON-LD is data, never run). */
function runs(attributes: string): boolean {
  if (/\ssrc\s*=/i.test(attributes)) return false;
  const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1].toLowerCase();
  return !type || ['text/javascript', 'application/javascript', 'module'].includes(type);
}

/** A policy that lets this page's own inline scripts run, by their SHA-256, and scripts from this site; no others. */
export function scriptPolicyForPage(html: string): string {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(inlineScripts)) {
    if (body && runs(attributes)) hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return ["script-src 'self'", ...hashes].join(' ');
}

/** Where proxy.ts hands a page rendered per request the nonce its inline scripts need (it overwrites any sent). */
export const SCRIPT_NONCE_HEADER = 'x-script-nonce';

/** A policy for a page rendered per request: Next puts the nonce on its scripts, our inline ones carry it too. */
export function scriptPolicyWithNonce(nonce: string): string {
  return `script-src 'self' 'nonce-${nonce}'`;
}

/** Pages where a click in a frame could act for a signed-in person: no site may frame them. */
const unframeable = ['/dashboard', '/signin', '/setup'];
const isUnframeable = (pathname: string) =>
  unframeable.some((page) => pathname === page || pathname.startsWith(`${page}/`));

/**
 * The site-wide policy of a path, as next.config.ts sends it. proxy.ts sends it again beside the nonce: a header the
 * proxy sets replaces next.config's of the same name.
 */
export function sitePolicy(pathname: string): string {
  return [...contentSecurityPolicy, ...(isUnframeable(pathname) ? ["frame-ancestors 'none'"] : [])].join('; ');
}

/** The headers every answer carries, Next's (below) and those answered before Next (lib/request/front.ts). */
export function headersEverywhere(siteUrl: string): { key: string; value: string }[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // Not `no-referrer`: forms would then post with `Origin: null`, which Next refuses as a cross-site action.
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
    { key: 'Content-Security-Policy', value: sitePolicy('/') },
    // Browsers ignore it over plain http; a site served over http (a local one) must not promise https.
    ...(new URL(siteUrl).protocol === 'https:'
      ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
      : []),
  ];
}

export function securityHeaders(siteUrl: string): HeaderRule[] {
  return [
    { source: '/:path*', headers: headersEverywhere(siteUrl) },
    // A later rule's header replaces an earlier one's of the same name, so the policy is written out whole.
    ...unframeable.map((page) => ({
      source: `${page}/:path*`,
      headers: [
        { key: 'Content-Security-Policy', value: sitePolicy(page) },
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    })),
    // The reset link's token is in the address: the header says at once what the page's own <meta> says (no
    // Referer to other sites), before the browser has parsed a byte of the page.
    { source: '/signin/reset/:token', headers: [{ key: 'Referrer-Policy', value: 'same-origin' }] },
  ];
}
