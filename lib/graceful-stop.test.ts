import { spawn } from 'node:child_process';
import http from 'node:http';
import { describe, expect, it } from 'vitest';

/**
 * Starts lib/testing/graceful-stop-process.ts, sends it a request over a kept-alive connection (as nginx does) and
 * SIGTERM while that request is in flight; collects the answer, what the process printed and its exit code.
 */
async function stopDuringRequest(deadlineMs: number, taskMs: number) {
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      'lib/testing/graceful-stop-process.ts',
      ...[deadlineMs, taskMs, 500].map(String),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  while (!/port (\d+)/.test(output)) await new Promise((resolve) => setTimeout(resolve, 50));
  const port = Number(/port (\d+)/.exec(output)![1]);
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
  return { body, code, lines: output.trim().split('\n').slice(1) };
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
});
