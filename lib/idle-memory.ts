import 'server-only';
import { performance } from 'node:perf_hooks';
import { trimMallocArenas } from './malloc-trim';

/** V8's `gc` function, exposed by node's `--expose-gc` (scripts/next.ts gives the server that flag). */
export type CollectGarbage = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

type Options = { checkMs?: number; idleChecks?: number; growthMb?: number; idleUtilization?: number };

/**
 * Gives the memory a rush left back to the system once the server is idle (bench/FINDINGS.md, "Memory after a
 * rush"). V8 frees garbage only at a major collection, and keeps the pages it freed for reuse until its memory
 * reducer runs, which it starts only after a major collection. A rush that ends between two (the bench's storms of
 * anonymous requests) left 100 MB of garbage and freed pages in the server for as long as no traffic came to make
 * the next one: 379 MB of RSS against 280 after a collection.
 *
 * So once the event loop has been busy less than `idleUtilization` (5 %) of each of `idleChecks` checks `checkMs`
 * apart (30 s), and the RSS has grown more than `growthMb` (32 MB) above where the last collection left it: one full
 * collection that also gives back freed pages (V8's "last resort": 40–100 ms on this server's heap), then malloc's
 * free pages, which the collection's freed buffers add to and glibc otherwise keeps (lib/malloc-trim.ts). Never under
 * load, nor in a lull of a few seconds (the heap it leaves is small, and the first seconds of the next load pay for
 * growing it again); at most once per growth while idle. Returns a function that stops it; does nothing on a node
 * started without `--expose-gc`.
 */
export function giveBackMemoryWhenIdle(
  collect = (globalThis as { gc?: CollectGarbage }).gc,
  { checkMs = 10_000, idleChecks = 3, growthMb = 32, idleUtilization = 0.05 }: Options = {},
): () => void {
  if (typeof collect !== 'function') return () => {};
  let baseline = process.memoryUsage.rss();
  let since = performance.eventLoopUtilization();
  let idleInARow = 0;
  const timer = setInterval(async () => {
    const now = performance.eventLoopUtilization();
    const idle = performance.eventLoopUtilization(now, since).utilization < idleUtilization;
    since = now;
    idleInARow = idle ? idleInARow + 1 : 0;
    const rss = process.memoryUsage.rss();
    if (idleInARow < idleChecks || rss < baseline + growthMb * 2 ** 20) {
      // Memory V8 gave back on its own lowers the mark.
      baseline = Math.min(baseline, rss);
      return;
    }
    collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    await trimMallocArenas();
    baseline = process.memoryUsage.rss();
    // The collection's own pause is not traffic.
    since = performance.eventLoopUtilization();
  }, checkMs);
  timer.unref();
  return () => clearInterval(timer);
}
