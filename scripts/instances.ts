import { spawn, type ChildProcess } from 'node:child_process';
import { stopProcess, waitUntilAnswers } from '../bench/load';
import { keepAliveArgs, nextStartCommand } from './next';

export type Instance = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Stops it as a deploy would (SIGTERM: it finishes what it is doing, lib/graceful-stop.ts). */
  stop: () => Promise<void>;
};

/**
 * One `next start` of an existing build on loopback, with `env` on top of this process's environment; resolves once
 * its /api/health answers 200 (the database answers). Started by its own binary, not npx, so that its pid is the
 * server's and a signal reaches it.
 */
export async function startInstance(
  port: number,
  env: Record<string, string | undefined>,
  output: 'inherit' | 'ignore' = 'inherit',
): Promise<Instance> {
  const command = instanceCommand(port, env);
  const child = spawn(process.execPath, command.args, { env: command.env, stdio: ['ignore', output, 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswers(`${url}/api/health`, { child, what: `next start on ${port}`, seconds: 90, status: 200 });
  return { url, port, child, stop: () => stopProcess(child, 'SIGTERM') };
}

/**
 * The command line and environment of startInstance's server. Its node flags follow the database it gets, whether
 * `env` names it or only this process's environment does (the bench's PostgreSQL runs).
 */
export function instanceCommand(port: number, env: Record<string, string | undefined>) {
  const serverEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port) };
  const args = nextStartCommand(
    ['--hostname', '127.0.0.1', '--port', String(port), ...keepAliveArgs],
    serverEnv.DATABASE_URL,
  );
  return { args, env: serverEnv };
}
