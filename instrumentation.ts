/**
 * Runs once as the server starts, not during `next build`. Next's page cache stops keeping 404s
 * (lib/cache/keep-only-found.ts), and the scheduler's workers start on the job queue (lib/scheduler/jobs.ts):
 * scheduled posts and ad windows are jobs due at their time, and a sweep catches anything missed while down.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { installKeepOnlyFound } = await import('./lib/cache/keep-only-found');
  installKeepOnlyFound();
  if (process.env.SCHEDULER === 'off') return;
  const { startScheduler } = await import('./lib/scheduler/jobs');
  // How often the workers look for jobs that have come due (pg-boss polls no faster than every half second).
  const intervalMs = Number(process.env.SCHEDULER_INTERVAL_MS) || 5000;
  try {
    await startScheduler({ pollingIntervalSeconds: Math.max(0.5, intervalMs / 1000) });
  } catch (error) {
    console.error('scheduler: the job queue did not start', error);
  }
}
