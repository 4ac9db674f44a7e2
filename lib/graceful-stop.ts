import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { Server, ServerResponse } from 'node:http';
import os from 'node:os';
import { runShutdownTasks } from './shutdown';

type Stop = { deadlineMs: number; finish: () => Promise<void> };

/**
 * Makes SIGTERM and SIGINT end the server in order: stop accepting, finish the requests in flight, then the
 * shutdown tasks (lib/shutdown: counters flushed, the scheduler's job under way), then `finish` (connections
 * closed), then exit; and exit within `deadlineMs` whatever holds it up.
 *
 * `next start` already does the first part itself (start-server.js: close the HTTP server, wait for the requests in
 * flight and for their `after()` work, then `process.exit`), for every way it is started: `npm start`, the e2e
 * server, the cluster, a systemd unit or a bare `next start`. Replacing it (NEXT_MANUAL_SIG_HANDLE) would leave us
 * without a handle on its HTTP server; so its final `process.exit` waits for our part instead.
 */
export function stopGracefully({ deadlineMs, finish }: Stop): void {
  const exit = process.exit.bind(process);
  let stopping = false;
  const servers = new Set<Server>();
  // Next's server.close() waits for every open connection, and a proxy keeps its connections open (nginx, 60 s):
  // the server would wait out their idle timeout. Once stopping, answers say `Connection: close`, and connections
  // are closed as soon as they are idle, so only the requests in flight are waited for.
  subscribe('http.server.request.start', (message) => {
    const { server, response } = message as { server: Server; response: ServerResponse };
    servers.add(server);
    if (stopping) response.shouldKeepAlive = false;
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100).unref();
      setTimeout(() => {
        console.error(`stop: not finished within ${deadlineMs} ms, exiting`);
        exit(128 + os.constants.signals[signal]);
      }, deadlineMs).unref();
    });
  process.exit = ((code?: number | string | null) => {
    if (!stopping) return exit(code);
    // Once: the tasks run, then the exit Next asked for.
    process.exit = exit;
    void runShutdownTasks(deadlineMs)
      .then(finish)
      .catch((error: unknown) => console.error('stop:', error))
      .finally(() => exit(code));
    return undefined as never;
  }) as typeof process.exit;
}
