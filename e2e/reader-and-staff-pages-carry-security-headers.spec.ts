import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tinyPng, unique } from './fixtures';
import { newest, permalinkOf, published } from './demo';

// The e2e server is http: no HSTS (lib/security-headers.test.ts covers an https site).
const everywhere = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'content-security-policy': "object-src 'none'; base-uri 'self'; form-action 'self'",
};
const unframeable = {
  ...everywhere,
  'content-security-policy': "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};

test('cached articles, the home page and uploads carry the security headers; framing is allowed there', async ({
  request,
}) => {
  // Prerendered at build and served from the cache: no code of ours runs for these, the headers still come.
  const prerendered = await request.get(permalinkOf(newest.daysAgo, newest.slug));
  expect(prerendered.headers()['x-nextjs-cache']).toBe('HIT');
  expect(prerendered.headers()).toMatchObject(everywhere);
  expect(prerendered.headers()['x-frame-options']).toBeUndefined();
  expect(prerendered.headers()['strict-transport-security']).toBeUndefined();

  // Rendered on its first visit, then cached: the second answer comes from the cache, with the same headers.
  const older = published[published.length - 2];
  await request.get(permalinkOf(older.daysAgo, older.slug));
  const cached = await request.get(permalinkOf(older.daysAgo, older.slug));
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
  expect(cached.headers()).toMatchObject(everywhere);
  expect((await request.get('/')).headers()).toMatchObject(everywhere);

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
  for (const address of ['/signin', '/signin/reset', '/setup']) {
    expect((await request.get(address)).headers(), address).toMatchObject(unframeable);
  }
  const resetLink = await request.get('/signin/reset/not-a-real-token-at-all');
  expect(resetLink.headers()).toMatchObject({ ...unframeable, 'referrer-policy': 'same-origin' });
});
