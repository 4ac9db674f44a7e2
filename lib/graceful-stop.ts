import 'server-only';
import { subscribe } from 'node:diagnostics_channel';
import type { Server, ServerResponse } from 'node:http';
import os from 'node:os';
import { runShutdownTasks } from './shutdown';

type Stop = { deadlineMs: number; finish: () => Promise<void>; drainMs?: number };

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
export function stopGracefully({ deadlineMs, finish, drainMs = 1000 }: Stop): void {
  const exit = process.exit.bind(process);
  let stopping = false;
  let draining = false;
  const servers = new Set<Server>();
  subscribe('http.server.request.start', (message) => {
    const { server, response } = message as { server: Server; response: ServerResponse };
    if (!servers.has(server)) holdIdleConnectionsWhileDraining(server);
    servers.add(server);
    // Once stopping, every answer says `Connection: close`: the proxy closes the connection itself after reading it.
    if (stopping) response.shouldKeepAlive = false;
  });
  /**
   * Node's server.close() (which Next calls on SIGTERM) closes idle kept-alive connections at once. nginx may be
   * writing a request on one of them at that very moment: it gets a reset, and a POST (a comment, a server action)
   * that may have been received is never resent, so the reader gets a 502. For `drainMs` the idle connections stay
   * open instead: a request on one is answered (and the connection then closed, above), and new connections are
   * refused, which nginx does retry on another instance and which marks this one down. Then they are closed.
   */
  function holdIdleConnectionsWhileDraining(server: Server) {
    const closeIdle = server.closeIdleConnections.bind(server);
    server.closeIdleConnections = () => {
      if (!draining) closeIdle();
    };
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    // Before Next's own listener, which closes the server.
    process.prependListener(signal, () => {
      if (stopping) return;
      stopping = draining = true;
      setTimeout(() => {
        draining = false;
        setInterval(() => servers.forEach((server) => server.closeIdleConnections()), 100).unref();
      }, drainMs).unref();
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
