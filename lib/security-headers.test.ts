import { createHash } from 'node:crypto';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import { scriptPolicyForPage, scriptPolicyWithNonce, securityHeaders, sitePolicy } from './security-headers';

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

  it('gives the proxy the same site policy as next.config for the pages it answers', () => {
    for (const path of ['/dashboard', '/dashboard/posts/12', '/signin', '/signin/reset/abc', '/setup', '/search']) {
      expect(sitePolicy(path), path).toBe(headersFor(path)['Content-Security-Policy']);
    }
    expect(sitePolicy('/dashboards')).toBe(basePolicy);
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

describe('script policies', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it("allows a page's own inline scripts by hash, once each, and never its data blocks or external scripts", () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script>self.__next_f.push([0])</script>',
      '<script id="_R_">(globalThis.T=1)</script>',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<SCRIPT type="module">import("/x.js")</SCRIPT>',
      '<script>self.__next_f.push([0])</script>',
      '<script></script>',
    ].join('');
    expect(scriptPolicyForPage(html)).toBe(
      `script-src 'self' ${sha('self.__next_f.push([0])')} ${sha('(globalThis.T=1)')} ${sha('import("/x.js")')}`,
    );
  });

  it('names the nonce of a page rendered per request', () => {
    expect(scriptPolicyWithNonce('abc')).toBe("script-src 'self' 'nonce-abc'");
  });
});
