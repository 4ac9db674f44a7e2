import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBeforeNext } from '@/lib/request/front';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { redirectSlashedOldAddress } from './front';
import { saveRedirects } from './write';

const db = useFreshDatabase('redirect_front');

// A server whose own listener stands for Next: /moved answers 308 as a page's permanentRedirect() does (the status
// set, the head written when the answer ends), /moved-head with writeHead, and a slashed address is sent to its form
// without the slash, as Next does. Everything else: 200 "next".
let server: http.Server;
let base: string;
let uninstall: () => void;
const reachedNext: string[] = [];
beforeAll(async () => {
  uninstall = answerBeforeNext([], redirectSlashedOldAddress);
  server = http.createServer((request, response) => {
    const url = request.url!;
    reachedNext.push(url);
    if (url === '/moved') {
      response.statusCode = 308;
      response.setHeader('location', '/new');
      response.end('/new');
    } else if (url === '/moved-head') {
      response.writeHead(308, 'Permanent Redirect', { location: '/new' }).end();
    } else if (url.length > 1 && url.endsWith('/')) {
      response.writeHead(308, { location: url.slice(0, -1) }).end();
    } else response.end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await saveRedirects(db(), [
    { fromPath: '/2018/10/20/harbour-wall/', toPath: '/2018/10/harbour-wall', source: 'import' },
    { fromPath: '/about', toPath: '/p/about', source: 'manual' },
  ]);
});
afterAll(async () => {
  uninstall();
  await new Promise((resolve) => server.close(resolve));
});

const get = async (path: string, method = 'GET') => {
  reachedNext.length = 0;
  const response = await fetch(`${base}${path}`, { method, redirect: 'manual' });
  return {
    status: response.status,
    statusText: response.statusText,
    location: response.headers.get('location'),
    reachedNext: [...reachedNext],
    response,
  };
};

describe('old addresses before Next', () => {
  it('gives every permanent redirect to a GET or HEAD as a 301, and leaves other methods 308', async () => {
    expect(await get('/moved')).toMatchObject({ status: 301, statusText: 'Moved Permanently', location: '/new' });
    expect(await get('/moved-head')).toMatchObject({ status: 301, statusText: 'Moved Permanently', location: '/new' });
    expect(await get('/moved', 'HEAD')).toMatchObject({ status: 301, location: '/new' });
    // A 308 tells a browser to send the POST again to the new address; a 301 would let it turn into a GET.
    expect(await get('/moved', 'POST')).toMatchObject({ status: 308, location: '/new' });
    expect(await get('/anything')).toMatchObject({ status: 200, reachedNext: ['/anything'] });
  });

  it('sends a slashed old address straight to where it moved, in one hop', async () => {
    const wordpress = await get('/2018/10/20/harbour-wall/');
    expect(wordpress).toMatchObject({ status: 301, location: '/2018/10/harbour-wall', reachedNext: [] });
    // Given the headers Next gives its own answers.
    expect(wordpress.response.headers.get('x-content-type-options')).toBe('nosniff');
    // Stored without the slash, asked with it, and with a query: the same redirect.
    expect(await get('/about/?utm_source=feed')).toMatchObject({ status: 301, location: '/p/about', reachedNext: [] });
  });

  it('leaves to Next a slashed address with no redirect, and every address without a slash', async () => {
    expect(await get('/contact/')).toMatchObject({ status: 301, location: '/contact', reachedNext: ['/contact/'] });
    // Without the slash the page (here: Next) finds the redirect: the front looks nothing up.
    expect(await get('/about')).toMatchObject({ status: 200, reachedNext: ['/about'] });
    expect(await get('/')).toMatchObject({ status: 200, reachedNext: ['/'] });
  });
});
