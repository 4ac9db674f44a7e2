import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

/** The headers a path gets, with Next's own route matcher and its rule: a later rule's header replaces an earlier one. */
function headersFor(path: string, siteUrl = 'http://localhost:3000'): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of securityHeaders(siteUrl)) {
    if (!getPathMatch(rule.source)(path)) continue;
    for (const { key, value } of rule.headers) headers[key] = value;
  }
  return headers;
}

const basePolicy = "object-src 'none'; base-uri 'self'; form-action 'self'";

describe('security headers', () => {
  it('puts nosniff, the referrer and permissions policies and a base CSP on every page, framing allowed', () => {
    for (const path of ['/', '/2026/11/a-post', '/search', '/uploads/covers/x.png', '/signout-help']) {
      expect(headersFor(path)).toEqual({
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
        'Content-Security-Policy': basePolicy,
      });
    }
  });

  it('forbids framing the dashboard, sign-in and setup pages, the base policy kept', () => {
    for (const path of ['/dashboard', '/dashboard/posts/12', '/signin', '/signin/reset', '/setup']) {
      expect(headersFor(path)).toMatchObject({
        'Content-Security-Policy': `${basePolicy}; frame-ancestors 'none'`,
        'X-Frame-Options': 'DENY',
        'X-Content-Type-Options': 'nosniff',
      });
    }
    expect(headersFor('/dashboards')['X-Frame-Options']).toBeUndefined();
  });

  it('keeps a reset link off other sites’ Referer, and other sign-in pages on the site-wide policy', () => {
    expect(headersFor('/signin/reset/abc123')['Referrer-Policy']).toBe('same-origin');
    expect(headersFor('/signin/reset')['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('asks for HTTPS only on a site served over HTTPS', () => {
    expect(headersFor('/')['Strict-Transport-Security']).toBeUndefined();
    expect(headersFor('/', 'https://news.example')['Strict-Transport-Security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(headersFor('/dashboard', 'https://news.example')['Strict-Transport-Security']).toBeDefined();
  });
});
