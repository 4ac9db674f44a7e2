/**
 * Runs once as the server starts, not during `next build`. The environment is checked first (lib/env.ts: AUTH_SECRET
 * is required), and a server without what it needs stops here with a message saying what to set. Then the
 * connection's address is recorded on each request (lib/request/client-address.ts), Next's page cache stops keeping
 * 404s (lib/cache/file-system-handler.ts), and the scheduler starts: every few seconds it asks the server's own
 * /api/scheduler route to publish due posts (a route, so that cache revalidation runs inside a request).
 */
export async function register() {
  // A constant Next sets at build time (lib/env.ts says why it is read here): the edge bundle drops what follows.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { authSecret, env } = await import('./lib/env');
  let config;
  try {
    config = env();
    if (config.NEXT_PHASE === 'phase-production-build') return;
    authSecret();
  } catch (error) {
    console.error(`Broadsheet cannot start. ${(error as Error).message}`);
    process.exit(1);
  }
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
