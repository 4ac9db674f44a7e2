import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs lib/testing/graceful-stop-process.ts, sends it SIGTERM once it is ready, and collects what it printed. */
function stopProcess(deadlineMs: number, taskMs: number): Promise<{ lines: string[]; code: number | null }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      'lib/testing/graceful-stop-process.ts',
      String(deadlineMs),
      String(taskMs),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith('ready\n') && !child.killed) child.kill('SIGTERM');
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ lines: output.trim().split('\n').slice(1), code })),
  );
}

describe('stopGracefully', () => {
  it('runs the shutdown tasks, then closes, then exits with the code the server chose', async () => {
    expect(await stopProcess(5000, 300)).toEqual({ lines: ['flushed', 'closed'], code: 143 });
  });

  it('exits by the deadline when a task hangs', async () => {
    const { lines, code } = await stopProcess(500, 60_000);
    expect(lines).not.toContain('flushed');
    expect(code).toBe(143);
  });
});
