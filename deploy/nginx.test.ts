import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/load';
import { renderDeployConfig, startNginx, type Nginx } from '../bench/nginx';
import { refreshProxyCache } from '../lib/cache/proxy-refresh';

/**
 * deploy/nginx.conf as shipped, run by the real nginx in front of a stand-in for Next that answers with the
 * current version of one page (and the headers Next sends with a cached page). What it must do: keep a page, and
 * replace it at once when Broadsheet asks its refresh listener (lib/cache/proxy-refresh), for every reader.
 */
describe('deploy/nginx.conf', () => {
  const publicHost = 'news.example.org';
  let version = 1;
  const upstreamSaw: { url?: string; host?: string; acceptEncoding?: string }[] = [];
  const upstream = http.createServer(async (req, res) => {
    upstreamSaw.push({ url: req.url, host: req.headers.host, acceptEncoding: req.headers['accept-encoding'] });
    // An uncached request takes Next a moment: long enough for a burst of them to be in flight at once.
    if (req.url?.startsWith('/api/')) await new Promise((resolve) => setTimeout(resolve, 50));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 's-maxage=31536000',
      vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
    });
    res.end(`<!doctype html><p>${`version ${version} of the front page. `.repeat(20)}</p>`);
  });
  let nginx: Nginx;
  let publicPort: number;

  beforeAll(async () => {
    const [upstreamPort, refreshPort] = [await freePort(), await freePort()];
    publicPort = await freePort();
    await new Promise<void>((resolve) => upstream.listen(upstreamPort, '127.0.0.1', resolve));
    nginx = await startNginx(
      (dir) => renderDeployConfig({ cacheDir: `${dir}/cache`, upstreamPort, listenPort: publicPort, refreshPort }),
      [`http://127.0.0.1:${publicPort}/robots.txt`],
    );
    process.env.CACHE_REFRESH_URL = `http://127.0.0.1:${refreshPort}`;
    process.env.SITE_URL = `https://${publicHost}`;
  });

  afterAll(async () => {
    await nginx?.stop();
    upstream.close();
    delete process.env.CACHE_REFRESH_URL;
  });

  /** A reader's GET of the front page through the public server. */
  const read = (headers: Record<string, string> = {}) =>
    new Promise<{ text: string; cache: string; encoding?: string }>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${publicPort}/`, { headers: { host: publicHost, ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            const encoding = res.headers['content-encoding'];
            resolve({
              text: (encoding === 'gzip' ? gunzipSync(body) : body).toString(),
              cache: String(res.headers['x-micro-cache']),
              encoding,
            });
          });
        })
        .on('error', reject);
    });

  it('keeps a page, and serves the new version right after a refresh, to every reader', async () => {
    expect((await read()).text).toContain('version 1');
    version = 2;
    const cached = await read({ 'accept-encoding': 'gzip, deflate, br' });
    expect(cached).toMatchObject({ cache: 'HIT', encoding: 'gzip' });
    expect(cached.text).toContain('version 1');

    await refreshProxyCache(['/']);

    // No waiting for the copy to expire: the refresh replaced it, for plain and compressing browsers alike (and
    // the descriptor nginx kept open for the old copy, open_file_cache, is not read again).
    for (const headers of [{}, { 'accept-encoding': 'gzip, deflate, br' }, { 'accept-encoding': 'gzip' }] as Record<
      string,
      string
    >[]) {
      const answer = await read(headers);
      expect(answer.cache).toBe('HIT');
      expect(answer.text).toContain('version 2');
    }
    // Next was asked for the page as the public host, uncompressed (nginx compresses).
    const frontPage = upstreamSaw.filter((seen) => seen.url === '/');
    expect(frontPage.map((seen) => seen.host)).toEqual([publicHost, publicHost]);
    expect(frontPage.every((seen) => seen.acceptEncoding === undefined)).toBe(true);
  });

  it('keeps its connections to Next open through a burst, so the next burst opens none', async () => {
    // Node accepts one new connection per turn of its event loop: on a busy instance a burst of new connections
    // waits seconds (bench/FINDINGS.md). 400 at once is more than 64 kept per worker, the old setting, on up to 6 cores.
    const inFlight = 400;
    const readers = new http.Agent({ keepAlive: true, maxSockets: inFlight, maxFreeSockets: inFlight });
    const burst = () =>
      Promise.all(
        Array.from(
          { length: inFlight },
          () =>
            new Promise<number>((resolve, reject) => {
              http
                .get(
                  `http://127.0.0.1:${publicPort}/api/ads/served/1`,
                  { agent: readers, headers: { host: publicHost } },
                  (res) => {
                    res.resume();
                    res.on('end', () => resolve(res.statusCode ?? 0));
                  },
                )
                .on('error', reject);
            }),
        ),
      );
    let opened = 0;
    const count = () => opened++;
    upstream.on('connection', count);
    try {
      expect(new Set(await burst())).toEqual(new Set([200]));
      const byFirstBurst = opened;
      expect(byFirstBurst).toBeGreaterThan(inFlight * 0.75);
      expect(new Set(await burst())).toEqual(new Set([200]));
      expect(opened - byFirstBurst).toBe(0);
    } finally {
      upstream.off('connection', count);
      readers.destroy();
    }
  });

  it('limits how fast one client searches, and neither other pages nor other clients', async () => {
    const status = (path: string, localAddress = '127.0.0.1') =>
      new Promise<number>((resolve, reject) => {
        http
          .get(
            `http://127.0.0.1:${publicPort}${path}`,
            { agent: false, localAddress, headers: { host: publicHost } },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          )
          .on('error', reject);
      });
    const searches = await Promise.all(Array.from({ length: 40 }, (_, i) => status(`/search?q=words-${i}`)));
    // A burst of 20 beyond the first, at once; then 5 a second.
    expect(searches.filter((code) => code === 200).length).toBeGreaterThanOrEqual(21);
    expect(searches.filter((code) => code === 429).length).toBeGreaterThanOrEqual(10);
    expect(new Set(searches)).toEqual(new Set([200, 429]));
    expect(await status('/search?q=once-more')).toBe(429);
    expect(await status('/label/harbour')).toBe(200);
    expect(await status('/search?q=someone-else', '127.0.0.2')).toBe(200);
  });
});
