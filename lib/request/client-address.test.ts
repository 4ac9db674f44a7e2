import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientIp, hashIp, pickClientAddress, recordPeerAddresses } from './client-address';

describe('pickClientAddress', () => {
  it('with no trusted proxy, takes the connection and ignores every header', () => {
    expect(pickClientAddress('198.51.100.9', null, 0)).toBe('198.51.100.9');
    expect(pickClientAddress('198.51.100.9', '203.0.113.1, 203.0.113.2', 0)).toBe('198.51.100.9');
  });

  it('with trusted proxies, takes the entry the outermost one appended, whatever the client wrote before it', () => {
    expect(pickClientAddress('127.0.0.1', '203.0.113.7', 1)).toBe('203.0.113.7');
    expect(pickClientAddress('127.0.0.1', 'made-up, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(pickClientAddress('10.0.0.2', 'made-up, 203.0.113.7, 10.0.0.1', 2)).toBe('203.0.113.7');
    // A request that reached us without the proxy: the connection is all there is.
    expect(pickClientAddress('198.51.100.9', null, 1)).toBe('198.51.100.9');
  });

  it('without the connection address (a request the hook did not see), knows nothing', () => {
    expect(pickClientAddress(null, '203.0.113.7', 1)).toBe('unknown');
  });
});

describe('clientIp on a real server', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    recordPeerAddresses();
    server = http.createServer((request, response) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === 'string') headers.set(name, value);
      response.end(JSON.stringify({ ip: clientIp(headers), names: Object.keys(request.headers) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });
  const ask = async (headers: Record<string, string>) =>
    (await (await fetch(base, { headers })).json()) as { ip: string; names: string[] };

  it('with no setting, a made-up X-Forwarded-For or X-Real-IP changes nothing', async () => {
    expect((await ask({})).ip).toBe('127.0.0.1');
    expect((await ask({ 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8' })).ip).toBe('127.0.0.1');
  });

  it('with TRUST_PROXY=1, the address the proxy appended is the client', async () => {
    process.env.TRUST_PROXY = '1';
    expect((await ask({ 'x-forwarded-for': '203.0.113.7' })).ip).toBe('203.0.113.7');
    expect((await ask({ 'x-forwarded-for': '192.0.2.1, 203.0.113.7' })).ip).toBe('203.0.113.7');
  });

  it('a client cannot send the connection header, even one that learnt its name', async () => {
    const name = (await ask({})).names.find((header) => header.startsWith('x-broadsheet-peer-'));
    expect(name).toMatch(/^x-broadsheet-peer-[0-9a-f]{16}$/);
    expect((await ask({ [name!]: '203.0.113.7' })).ip).toBe('127.0.0.1');
  });
});

describe('hashIp', () => {
  it('is stable, holds no address, and differs between addresses', () => {
    expect(hashIp('203.0.113.7')).toBe(hashIp('203.0.113.7'));
    expect(hashIp('203.0.113.7')).toMatch(/^[0-9a-f]{32}$/);
    expect(hashIp('203.0.113.8')).not.toBe(hashIp('203.0.113.7'));
  });
});
