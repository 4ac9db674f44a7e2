import { spawn } from 'node:child_process';
import path from 'node:path';

const nextBin = path.join(process.cwd(), 'node_modules', '.bin', 'next');

/**
 * For `next start`: idle connections stay open 65 s (Node's default is 5), longer than nginx keeps its pool of
 * connections to us (deploy/nginx.conf), so nginx is the side that closes them and a burst finds them open.
 */
export const keepAliveArgs = ['--keepAliveTimeout', '65000'];

/**
 * Runs the next CLI (with this process's environment) and resolves when it exits 0; passes SIGINT/SIGTERM on, so
 * the server stops with us.
 */
export function runNext(args: string[]): Promise<void> {
  const child = spawn(nextBin, args, { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // A stop signal sent to the whole process group reaches next directly: it exits 128 + the signal's number.
      if (code === 0 || code === 130 || code === 143 || signal === 'SIGTERM' || signal === 'SIGINT') resolve();
      else reject(new Error(`next ${args[0]} exited with ${code ?? signal}`));
    });
  });
}
