/**
 * Runs once as the server starts (Next never calls it during `next build`). The environment is checked first
 * (lib/env.ts: AUTH_SECRET is required), and a server without what it needs stops here with a message saying what to
 * set. Then the connection's address is recorded on each request (lib/request/client-address.ts), Next's page cache
 * stops keeping 404s (lib/cache/file-system-handler.ts), and the scheduler's workers start on the job queue
 * (lib/scheduler/jobs.ts): scheduled posts and ad windows are jobs due at their time, and a sweep catches anything
 * missed while the server was down.
 */
export async function register() {
  // Set by Next per runtime, its documented test (lib/env.ts says why it is read here): what follows is Node-only.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { exitUnlessConfigured } = await import('./lib/env');
  const config = exitUnlessConfigured();
  const { recordPeerAddresses } = await import('./lib/request/client-address');
  recordPeerAddresses();
  const { installFileSystemHandler } = await import('./lib/cache/file-system-handler');
  installFileSystemHandler();
  if (config.SCHEDULER === 'off') return;
  const { startScheduler } = await import('./lib/scheduler/jobs');
  // How often the workers look for jobs that have come due (pg-boss polls no faster than every half second).
  try {
    await startScheduler({ pollingIntervalSeconds: Math.max(0.5, config.SCHEDULER_INTERVAL_MS / 1000) });
  } catch (error) {
    console.error('scheduler: the job queue did not start', error);
  }
}
