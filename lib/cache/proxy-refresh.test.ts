import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refreshProxyCache } from './proxy-refresh';

async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('refreshing the proxy cache', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('says once a minute that a proxy is down, not once per change', async () => {
    vi.stubEnv('CACHE_REFRESH_URL', `http://127.0.0.1:${await closedPort()}`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let i = 0; i < 5; i++) await refreshProxyCache(['/', '/feed.xml']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/failed for 2 of 2 pages: \/: connect ECONNREFUSED/);
  });
});
