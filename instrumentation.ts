/**
 * Runs once as the server starts, not during `next build`. Next's page cache stops keeping 404s
 * (lib/cache/keep-only-found.ts), and the scheduler starts: every few seconds it asks the server's own
 * /api/scheduler route to publish due posts (a route, so that cache revalidation runs inside a request).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { installKeepOnlyFound } = await import('./lib/cache/keep-only-found');
  installKeepOnlyFound();
  if (process.env.SCHEDULER === 'off') return;
  const { schedulerKey } = await import('./lib/scheduler/key');
  const intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS) || 5000;
  let running = false;
  const tick = async () => {
    if (running || !process.env.PORT) return;
    running = true;
    try {
      const base = process.env.SCHEDULER_URL ?? `http://127.0.0.1:${process.env.PORT}`;
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
  setInterval(tick, intervalMs).unref();
}
