/**
 * A server that stops as `next start` does (start-server.js: on SIGTERM, server.close(), then process.exit(143)
 * once every connection has ended), with lib/graceful-stop installed and one slow shutdown task, for
 * lib/graceful-stop.test.ts. Its requests take REQUEST_MS, and it keeps idle connections 65 s as ours do. Prints
 * its port, then each step.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { stopGracefully } from '@/lib/graceful-stop';
import { onShutdown } from '@/lib/shutdown';

const [deadlineMs, taskMs, requestMs] = process.argv.slice(2).map(Number);
onShutdown('flush', async () => {
  await new Promise((resolve) => setTimeout(resolve, taskMs));
  console.log('flushed');
});
stopGracefully({ deadlineMs, finish: async () => console.log('closed') });
const server = http.createServer((_, response) => setTimeout(() => response.end('answered'), requestMs));
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => server.close(() => process.exit(143)));
server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as AddressInfo).port}`));
