import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';

export type LoadResult = { requests: number; ok: number; perSecond: number; p50: number; p99: number; max: number };

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** One HTTP request on a kept-alive connection; resolves with status and body. */
export function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
) {
  return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          ms: performance.now() - started,
        }),
      );
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

/**
 * One ad impression beacon as a reader's browser sends it, from client i's own network (`NETWORK.x.y.z`, so every
 * client is a new visitor and is counted); ok when answered 204.
 */
export async function adBeacon(
  base: string,
  adId: number,
  i: number,
  network: number,
): Promise<{ ok: boolean; ms: number }> {
  const answer = await request(`${base}/api/ads/impressions`, {
    method: 'POST',
    headers: {
      'content-type': 'text/plain',
      'x-forwarded-for': `${network}.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
    },
    body: JSON.stringify({ ids: [adId] }),
  });
  return { ok: answer.status === 204, ms: answer.ms };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * `connections` clients, each sending its next request as soon as the last one answered, for `seconds`.
 * `send(i)` makes request number i and says whether it counts as a success.
 */
export async function runLoad(
  connections: number,
  seconds: number,
  send: (i: number) => Promise<{ ok: boolean; ms: number }>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const result = await send(next++).catch(() => ({ ok: false, ms: 0 }));
        latencies.push(result.ms);
        if (result.ok) ok++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    ok,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
  };
}

/** Stops a process the bench started (when it is still running) and waits until it has exited. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await new Promise((resolve) => child.once('exit', resolve));
}

/** A port nothing listens on now, for a server the bench starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Polls `url` until it answers (with `ok` status, when given), for a server the bench started. Throws when `child`
 * exits first or `seconds` pass, naming `what` did not start.
 */
export async function waitUntilAnswers(
  url: string,
  {
    child,
    what,
    seconds = 30,
    status,
  }: { child: { exitCode: number | null }; what: string; seconds?: number; status?: number },
): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  for (;;) {
    const answered = await request(url).then(
      (r) => status === undefined || r.status === status,
      () => false,
    );
    if (answered) return;
    if (child.exitCode !== null || performance.now() > deadline) throw new Error(`${what} did not answer ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
