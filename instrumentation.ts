/**
 * Runs once as the server starts (Next never calls it during `next build`). The environment is checked first
 * (lib/env.ts: AUTH_SECRET is required), and a server without what it needs stops here with a message saying what to
 * set. Then the connection's address is recorded on each request (lib/request/client-address.ts), Next's page cache
 * stops keeping 404s (lib/cache/file-system-handler.ts), and the scheduler starts: every few seconds it asks the
 * server's own /api/scheduler route to publish due posts (a route, so that cache revalidation runs inside a request).
 */
export async function register() {
  // Set by Next per runtime, its documented test (lib/env.ts says why it is read here): what follows is Node-only.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, exitUnlessConfigured } = await import('./lib/env');
  const config = exitUnlessConfigured();
  const { recordPeerAddresses } = await import('./lib/request/client-address');
  recordPeerAddresses();
  const { installFileSystemHandler } = await import('./lib/cache/file-system-handler');
  installFileSystemHandler();
  if (config.SCHEDULER === 'off') return;
  const { schedulerKey } = await import('./lib/scheduler/key');
  let running = false;
  const tick = async () => {
    // Read at each tick: Next sets PORT as it starts listening.
    const { PORT, SCHEDULER_URL } = env();
    if (running || !PORT) return;
    running = true;
    try {
      const base = SCHEDULER_URL ?? `http://127.0.0.1:${PORT}`;
      const response = await fetch(`${base}/api/scheduler`, {
        method: 'POST',
        headers: { authorization: `Bearer ${schedulerKey()}` },
      });
      if (!response.ok) console.error(`scheduler: /api/scheduler answered ${response.status}`);
    } catch (error) {
      console.error('scheduler: tick failed', error);
    } finally {
      running = false;
    }
  };
  setInterval(tick, config.SCHEDULER_INTERVAL_MS).unref();
}
