import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export type WrkResult = {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
};

const run = promisify(execFile);

/** Milliseconds from wrk's "1.23ms", "456.00us" or "1.02s". */
function ms(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`wrk: cannot read the duration "${text}"`);
  const factor = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
  return Number(match[1]) * factor;
}

/**
 * Reads wrk's `--latency` report: requests per second, the 50th and 99th percentiles, answers other than 2xx/3xx,
 * and socket errors (wrk counts a request unanswered after 2 s as a timeout).
 */
export function parseWrk(output: string): WrkResult {
  const perSecond = /Requests\/sec:\s+([\d.]+)/.exec(output);
  const p50 = /^\s+50%\s+(\S+)/m.exec(output);
  const p99 = /^\s+99%\s+(\S+)/m.exec(output);
  const requests = /(\d+) requests in/.exec(output);
  if (!perSecond || !p50 || !p99 || !requests) throw new Error(`wrk: unexpected output\n${output}`);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    perSecond: Number(perSecond[1]),
    p50: ms(p50[1]),
    p99: ms(p99[1]),
    requests: Number(requests[1]),
    non2xx,
    socketErrors,
  };
}

/** `wrk -t2 -cN -dS --latency URL` (wrk at /usr/bin/wrk, or WRK). */
export async function wrk(
  url: string,
  {
    connections = 50,
    seconds = 8,
    threads = 2,
    header,
  }: { connections?: number; seconds?: number; threads?: number; header?: string } = {},
): Promise<WrkResult> {
  const { stdout } = await run(
    process.env.WRK ?? 'wrk',
    [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', ...(header ? ['-H', header] : []), url],
    { maxBuffer: 1 << 20 },
  );
  return parseWrk(stdout);
}
