import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { env } from '@/lib/env';

const nextBin = path.join(process.cwd(), 'node_modules', '.bin', 'next');
const nextCli = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * For `next start`: idle connections stay open 65 s (Node's default is 5), longer than nginx keeps its pool of
 * connections to us (deploy/nginx.conf), so nginx is the side that closes them and a burst finds them open.
 */
export const keepAliveArgs = ['--keepAliveTimeout', '65000'];

/**
 * Node's flags for the server (bench/FINDINGS.md, "Server memory"):
 * - A heap limit of 1 GB, twenty times what the server keeps live. Under V8's default limit (a quarter of the
 *   machine's memory) the old generation grows to about four times its live size between full collections; below
 *   2 GB V8 grows it by smaller steps (heap-controller.h). Under the write loads RSS rose about 120 MB less, and a
 *   mailing to 10,000 followers 15 MB above idle instead of 55.
 * - A young generation of 8 MB a semi-space. With the 1 GB limit V8 sizes each of its two semi-spaces at up to
 *   64 MB (the limit is 1,216 MB: 1,024 plus three semi-spaces), and under the write loads both filled and stayed
 *   committed: 128 MB of RSS for objects that live for one request. At 8 MB the server's RSS after the loads fell
 *   by about 110 MB on either database, with the comment and beacon rates within the host's noise.
 * - `--expose-gc`: V8's `gc`, with which the server gives a rush's garbage back once it is idle (lib/idle-memory.ts).
 * - On the embedded database, `--liftoff-only`: PGlite runs inside the server as WebAssembly, and V8's optimising
 *   compiler tiered its code up in the background as the server started, so every restart peaked at 556–698 MB of
 *   RSS and settled at 304 MB. With Liftoff, V8's baseline compiler, alone: 260 MB and no peak; the comment path
 *   in-process measured 0–35 % slower across runs. It is a V8 testing flag, so it is passed only when this node still
 *   takes it: a node that dropped it would refuse to start.
 * Not `--optimize-for-size`, which the embedded database had until the idle collection came. It kept the RSS 60–100
 * MB lower right after a rush, most of it garbage the idle collection now gives back, and 22 MB lower after the whole
 * bench, for a third of the write and serving rates and, on a slower host, the p99 budgets (bench/FINDINGS.md, "The
 * size flag, once the server collects").
 */
export function serverNodeFlags(databaseUrl: string | undefined): string[] {
  const flags = ['--max-old-space-size=1024', '--max-semi-space-size=8', '--expose-gc'];
  if (databaseUrl) return flags;
  const takesLiftoffOnly = spawnSync(process.execPath, ['--liftoff-only', '-e', '0']).status === 0;
  return takesLiftoffOnly ? [...flags, '--liftoff-only'] : flags;
}

/**
 * `next start`'s own options. `--experimental-next-config-strip-types`: next.config.ts is loaded by Node's type
 * stripping rather than compiled by Next's SWC binding, a native library that stayed mapped for the life of the
 * server (15–25 MB of its RSS) for the sake of one small file at start. So next.config.ts names its imports with
 * their `.ts` extension and uses only erasable syntax (scripts/next.test.ts loads it as Node would). A node without
 * type stripping, or a config it cannot load, makes Next fall back to SWC, as before.
 */
export const nextStartOptions = ['--experimental-next-config-strip-types'];

/**
 * The command line of `next start ARGS`, for `spawn(process.execPath, …)`, with the node flags of a server whose
 * DATABASE_URL is `databaseUrl` (unset: the embedded database).
 */
export function nextStartCommand(args: string[], databaseUrl: string | undefined): string[] {
  return [...serverNodeFlags(databaseUrl), nextCli, 'start', ...nextStartOptions, ...args];
}

/**
 * Runs the next CLI (with this process's environment) and resolves when it exits 0; passes SIGINT/SIGTERM on, so
 * the server stops with us. `start` runs with the server's node flags.
 */
export function runNext(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const child =
    command === 'start'
      ? spawn(process.execPath, nextStartCommand(rest, env().DATABASE_URL), { stdio: 'inherit' })
      : spawn(nextBin, args, { stdio: 'inherit' });
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
