import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPublic, isPublicAddress, type PublicFetchOptions } from './public-fetch';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '[::ffff:169.254.169.254]',
    '::ffff:a9fe:a9fe',
    '::ffff:10.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:7f00:1::',
    'localhost',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'takes %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('fetchPublic', () => {
  const png = Buffer.from('89504e470d0a1a0a', 'hex');
  let server: http.Server;
  let base: string;
  let requests: string[] = [];
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      requests.push(request.url!);
      const hops = request.url!.match(/^\/hop\/(\d+)$/);
      if (request.url === '/image.png') response.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else if (request.url === '/page') response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
      else if (request.url === '/large')
        response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(2048));
      else if (request.url === '/to-metadata')
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      else if (request.url === '/to-loopback-v6')
        response.writeHead(301, { location: `http://[::1]:${(server.address() as AddressInfo).port}/image.png` }).end();
      else if (request.url === '/to-file') response.writeHead(302, { location: 'file:///etc/passwd' }).end();
      else if (hops)
        response.writeHead(302, { location: Number(hops[1]) > 0 ? `/hop/${Number(hops[1]) - 1}` : '/image.png' }).end();
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  // The test's server is on loopback: it is allowed by address, as only tests may; every other private one is not.
  const options: PublicFetchOptions = {
    accept: (type) => type.startsWith('image/'),
    maxBytes: 1024,
    timeoutMs: 5000,
    allowAddresses: ['127.0.0.1'],
  };
  const refusal = (url: string, extra: Partial<PublicFetchOptions> = {}) =>
    fetchPublic(url, { ...options, ...extra }).then(
      () => 'fetched',
      (error: Error) => error.message,
    );

  it('fetches an image from an allowed address', async () => {
    expect(await fetchPublic(`${base}/image.png`, options)).toEqual({ contentType: 'image/png', body: png });
  });

  it('refuses a private address unless allowed, and never connects to it', async () => {
    requests = [];
    expect(await refusal(`${base}/image.png`, { allowAddresses: [] })).toBe('127.0.0.1 is not a public address');
    expect(await refusal('http://10.0.0.1/a.png')).toBe('10.0.0.1 is not a public address');
    expect(await refusal('http://[::ffff:127.0.0.1]/a.png')).toBe('::ffff:7f00:1 is not a public address');
    expect(requests).toEqual([]);
  });

  it('refuses a name that resolves to a private address, at the connection itself', async () => {
    const port = new URL(base).port;
    expect(await refusal(`http://localhost:${port}/image.png`, { allowAddresses: [] })).toMatch(
      /^localhost is not a public address \(/,
    );
    expect(requests).toEqual([]);
  });

  it('checks every redirect, and follows at most three', async () => {
    expect(await refusal(`${base}/to-metadata`)).toBe('169.254.169.254 is not a public address');
    expect(await refusal(`${base}/to-loopback-v6`)).toBe('::1 is not a public address');
    expect(await refusal(`${base}/to-file`)).toBe('not an http(s) address');
    expect(await refusal(`${base}/hop/2`)).toBe('fetched');
    expect(await refusal(`${base}/hop/3`)).toBe('more than 3 redirects');
  });

  it('refuses other schemes, other content, too large an answer, and a slow one', async () => {
    expect(await refusal('ftp://example.com/a.png')).toBe('not an http(s) address');
    expect(await refusal('file:///etc/passwd')).toBe('not an http(s) address');
    expect(await refusal(`${base}/page`)).toBe('not an image we keep (text/html)');
    expect(await refusal(`${base}/large`)).toBe('larger than 0 MB');
    expect(await refusal(`${base}/missing`)).toBe('the old site answered 404');
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    expect(await refusal(`http://127.0.0.1:${port}/slow.png`, { timeoutMs: 300 })).toBe(
      'the old site did not answer within 0 s',
    );
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });
});
