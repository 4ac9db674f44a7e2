/**
 * Runs once as the server starts (Next never calls it during `next build`). The environment is checked first
 * (lib/env.ts: AUTH_SECRET is required), and a server without what it needs stops here with a message saying what to
 * set. Then the connection's address is recorded on each request (lib/request/client-address.ts), ad impression
 * beacons, comments and old addresses with a trailing slash are answered before Next, and every permanent redirect
 * as a 301 (lib/request/front.ts), the page cache is chosen (with REDIS_URL one Redis
 * shared by every instance, lib/cache/redis-handler.ts; else Next's file-system cache,
 * lib/cache/file-system-handler.ts; neither keeps 404s), the database is migrated (a no-op when it is up to date), a
 * stop signal is made to finish the shutdown tasks before the process exits (lib/graceful-stop.ts), the memory a
 * rush leaves is given back once the server is idle (lib/idle-memory.ts), and the
 * scheduler's workers start on the job queue (lib/scheduler/jobs.ts): scheduled posts and ad windows are jobs due
 * at their time, and a sweep catches anything missed while the server was down.
 */
export async function register() {
  // Set by Next per runtime, its documented test (lib/env.ts says why it is read here): what follows is Node-only.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { exitUnlessConfigured } = await import('./lib/env');
  const config = exitUnlessConfigured();
  const { recordPeerAddresses } = await import('./lib/request/client-address');
  recordPeerAddresses();
  const { answerBeforeNext } = await import('./lib/request/front');
  const { beaconRoute } = await import('./lib/ads/beacon-front');
  const { commentRoute } = await import('./lib/comments/endpoint');
  const { redirectSlashedOldAddress } = await import('./lib/redirects/front');
  answerBeforeNext([beaconRoute, commentRoute], redirectSlashedOldAddress);
  const { sharedRedis, closeSharedRedis } = await import('./lib/redis/client');
  const redis = sharedRedis();
  if (redis) {
    const { installRedisHandler } = await import('./lib/cache/redis-handler');
    installRedisHandler(redis);
  } else {
    const { installFileSystemHandler } = await import('./lib/cache/file-system-handler');
    installFileSystemHandler();
  }
  const { stopGracefully } = await import('./lib/graceful-stop');
  const { closeDb, migrate } = await import('./lib/db');
  // `npm start` serves an unchanged build without a step of its own before: the database is brought up to date here
  // (nothing to do when it already is).
  await migrate();
  // Connections close last: the shutdown tasks (counters flushed, the job under way) still write through them.
  stopGracefully({ deadlineMs: 10_000, finish: async () => void (await Promise.all([closeDb(), closeSharedRedis()])) });
  const { giveBackMemoryWhenIdle } = await import('./lib/idle-memory');
  giveBackMemoryWhenIdle();
  if (config.SCHEDULER === 'off') return;
  const { startScheduler } = await import('./lib/scheduler/jobs');
  const { stopQueue } = await import('./lib/jobs/queue');
  const { onShutdown } = await import('./lib/shutdown');
  // The job under way finishes; no new one starts.
  onShutdown('scheduler', stopQueue);
  // How often the workers look for jobs that have come due (pg-boss polls no faster than every half second).
  try {
    await startScheduler({ pollingIntervalSeconds: Math.max(0.5, config.SCHEDULER_INTERVAL_MS / 1000) });
  } catch (error) {
    console.error('scheduler: the job queue did not start', error);
  }
}
