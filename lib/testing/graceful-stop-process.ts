/**
 * A process that stops as `next start` does (on SIGTERM: a moment to finish requests, then process.exit(143)), with
 * lib/graceful-stop installed and one slow shutdown task, for lib/graceful-stop.test.ts. Prints each step.
 */
import { stopGracefully } from '@/lib/graceful-stop';
import { onShutdown } from '@/lib/shutdown';

const [deadlineMs, taskMs] = process.argv.slice(2).map(Number);
onShutdown('flush', async () => {
  await new Promise((resolve) => setTimeout(resolve, taskMs));
  console.log('flushed');
});
stopGracefully({ deadlineMs, finish: async () => console.log('closed') });
// Next's own handler, as in start-server.js: requests in flight finish first, then it exits.
process.on('SIGTERM', () => setTimeout(() => process.exit(143), 100));
setInterval(() => {}, 1000);
console.log('ready');
