import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { tinyPng, unique } from './fixtures';
import { newest, permalinkOf, published } from './demo';

// The e2e server is http: no HSTS (lib/security-headers.test.ts covers an https site).
const everywhere = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
const unframeable = { ...everywhere, 'x-frame-options': 'DENY' };
const sitePolicy = "object-src 'none'; base-uri 'self'; form-action 'self'";
const unframeablePolicy = `${sitePolicy}; frame-ancestors 'none'`;
/** A stored page's scripts, by hash (lib/cache/script-policy.ts); a page rendered per request's, by nonce (proxy.ts). */
const byHashes = /^script-src 'self'( 'sha256-[\w+/]+=*')+$/;
const byNonce = (site: string) => `${site}; script-src 'self' 'nonce-`;

/** Every policy of an answer: browsers enforce each Content-Security-Policy header, and each comma-separated one. */
const policiesOf = (response: APIResponse) =>
  response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === 'content-security-policy')
    .flatMap(({ value }) => value.split(/,\s*/));

/** A stored page: the site's policy and its scripts' hashes, two policies. */
function expectPolicies(response: APIResponse, site: string, scripts: RegExp) {
  const policies = policiesOf(response);
  expect(policies).toHaveLength(2);
  expect(policies).toContain(site);
  expect(policies.find((policy) => policy !== site)).toMatch(scripts);
}

/** A page rendered per request: one policy, the site's directives and a nonce for its scripts. */
function expectNoncePolicy(response: APIResponse, site: string) {
  const policies = policiesOf(response);
  expect(policies).toHaveLength(1);
  expect(policies[0].startsWith(byNonce(site))).toBe(true);
}

test('cached articles, the home page and uploads carry the security headers; framing is allowed there', async ({
  request,
}) => {
  // Prerendered at build and served from the cache: no code of ours runs for these, the headers still come.
  const prerendered = await request.get(permalinkOf(newest.daysAgo, newest.slug));
  expect(prerendered.headers()['x-nextjs-cache']).toBe('HIT');
  expect(prerendered.headers()).toMatchObject(everywhere);
  expectPolicies(prerendered, sitePolicy, byHashes);
  expect(prerendered.headers()['x-frame-options']).toBeUndefined();
  expect(prerendered.headers()['strict-transport-security']).toBeUndefined();

  // Rendered on its first visit, then cached: the second answer comes from the cache, with the same headers.
  const older = published[published.length - 2];
  await request.get(permalinkOf(older.daysAgo, older.slug));
  const cached = await request.get(permalinkOf(older.daysAgo, older.slug));
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
  expect(cached.headers()).toMatchObject(everywhere);
  expectPolicies(cached, sitePolicy, byHashes);
  const home = await request.get('/');
  expect(home.headers()).toMatchObject(everywhere);
  expectPolicies(home, sitePolicy, byHashes);
  // Rendered per request: its scripts carry a nonce, a new one each time.
  const searches = [await request.get('/search?q=harbour'), await request.get('/search?q=harbour')];
  for (const search of searches) expectNoncePolicy(search, sitePolicy);
  expect(policiesOf(searches[0])).not.toEqual(policiesOf(searches[1]));

  // An uploaded image (written where the e2e server keeps uploads, scripts/e2e-server.ts): nosniff once, not twice.
  const key = `e2e/${unique()}.png`;
  const file = path.join('.data/e2e-uploads', key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, tinyPng);
  try {
    const image = await request.get(`/uploads/${key}`);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(image.headers()).toMatchObject(everywhere);
    expect(policiesOf(image)).toEqual([sitePolicy]);
  } finally {
    fs.rmSync(file);
  }
});

test('the dashboard, sign-in and setup pages may not be framed; a reset link keeps its token to the site', async ({
  request,
}) => {
  // Signed out, /dashboard sends the visitor to sign in: both answers carry the headers.
  const dashboard = await request.get('/dashboard', { maxRedirects: 0 });
  expect(dashboard.headers()).toMatchObject(unframeable);
  expect(policiesOf(dashboard)).toContain(unframeablePolicy);
  for (const address of ['/signin', '/setup']) {
    const page = await request.get(address);
    expect(page.headers(), address).toMatchObject(unframeable);
    expectNoncePolicy(page, unframeablePolicy);
  }
  // Prerendered: its scripts go by hash.
  const resetRequest = await request.get('/signin/reset');
  expect(resetRequest.headers()).toMatchObject(unframeable);
  expectPolicies(resetRequest, unframeablePolicy, byHashes);
  const resetLink = await request.get('/signin/reset/not-a-real-token-at-all');
  expect(resetLink.headers()).toMatchObject({ ...unframeable, 'referrer-policy': 'same-origin' });
  expectNoncePolicy(resetLink, unframeablePolicy);
});
