import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts lib/testing/graceful-stop-process.ts; resolves with its port once it listens. */
async function startServer(deadlineMs: number, taskMs: number, requestMs: number) {
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      'lib/testing/graceful-stop-process.ts',
      ...[deadlineMs, taskMs, requestMs].map(String),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  while (!/port (\d+)/.test(output)) await sleep(50);
  return {
    child,
    port: Number(/port (\d+)/.exec(output)![1]),
    exited,
    lines: () => output.trim().split('\n').slice(1),
  };
}

/**
 * Sends the server a request over a kept-alive connection (as nginx does) and SIGTERM while that request is in
 * flight; collects the answer, what the process printed and its exit code.
 */
async function stopDuringRequest(deadlineMs: number, taskMs: number) {
  const { child, port, exited, lines } = await startServer(deadlineMs, taskMs, 500);
  const agent = new http.Agent({ keepAlive: true });
  const answer = new Promise<string>((resolve, reject) =>
    http
      .get({ host: '127.0.0.1', port, agent }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body));
      })
      .on('error', reject),
  );
  setTimeout(() => child.kill('SIGTERM'), 100);
  const [body, code] = await Promise.all([answer, exited]);
  agent.destroy();
  return { body, code, lines: lines() };
}

describe('stopGracefully', () => {
  it('finishes the request in flight, then the shutdown tasks, then closes and exits, though the client keeps its connection', async () => {
    expect(await stopDuringRequest(30_000, 300)).toEqual({ body: 'answered', code: 143, lines: ['flushed', 'closed'] });
  });

  it('exits by the deadline when a task hangs', async () => {
    const { lines, code } = await stopDuringRequest(1500, 60_000);
    expect(lines).not.toContain('flushed');
    expect(code).toBe(143);
  });

  it('answers a POST that arrives on an idle kept-alive connection just after SIGTERM, as nginx may send one, and closes that connection', async () => {
    const { child, port, exited } = await startServer(30_000, 0, 0);
    // A raw socket, so that the second request goes on the same connection whatever happened to it.
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', () => {});
    socket.write('GET / HTTP/1.1\r\nHost: news\r\n\r\n');
    while (!received.endsWith('answered')) await sleep(10);
    received = '';

    child.kill('SIGTERM');
    await sleep(200);
    socket.write('POST / HTTP/1.1\r\nHost: news\r\nContent-Length: 0\r\n\r\n');
    if (!socket.closed) await once(socket, 'close');
    expect(received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(received).toMatch(/\r\nConnection: close\r\n/i);
    expect(received.endsWith('answered')).toBe(true);
    expect(await exited).toBe(143);
  });
});
