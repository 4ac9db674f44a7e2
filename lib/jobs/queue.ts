import 'server-only';
import { eq, lt } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { fromPglite, PgBoss, type ConstructorOptions, type Db, type JobWithMetadata } from 'pg-boss';
import { jobProgress } from '@/db/schema';
import { getDb, getPglite } from '@/lib/db';
import { env } from '@/lib/env';
import { jobNames, jobs, type JobData, type JobInput, type JobName } from './jobs';

/** pg-boss installs its tables in a schema of its own, apart from drizzle's (public, and its journal in drizzle). */
const SCHEMA = 'pgboss';
/** Connections pg-boss may open on a PostgreSQL server, beside the app's own pool. */
const POOL_SIZE = 4;

export type StartOptions = {
  /**
   * Work jobs, fire cron schedules and run pg-boss's upkeep (expiring stuck jobs, deleting old ones) in this process.
   * Off (SCHEDULER=off, scripts), the queue only sends.
   */
  background: boolean;
  /** How often each worker looks for jobs that have come due. */
  pollingIntervalSeconds?: number;
};

export type Progress = { done: number; total?: number | null; note?: string };
export type RunningJob = { id: string; progress: (progress: Progress) => Promise<void> };
export type Handler<N extends JobName> = (data: JobData<N>, job: RunningJob) => Promise<void>;
/**
 * `startAfter`: when the job comes due (now if unset). `singletonKey`: at most one job with this key waits at a
 * time: sending again replaces the waiting one (its data and time), so re-scheduling moves a job instead of adding one.
 */
export type EnqueueOptions = { startAfter?: Date; singletonKey?: string };
export type JobStatus = {
  state: JobWithMetadata['state'];
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  progress: Progress | null;
  /** The error of a failed job, or what a completed handler returned. */
  output: unknown;
};

export type Queue = {
  enqueue<N extends JobName>(name: N, data: JobInput<N>, options?: EnqueueOptions): Promise<string | null>;
  work<N extends JobName>(name: N, handler: Handler<N>): Promise<void>;
  status(name: JobName, id: string): Promise<JobStatus | null>;
  stop(): Promise<void>;
};

/**
 * Opens a pg-boss instance on the database the environment names. On PostgreSQL it has a small pool of its own
 * (node-postgres, pg-boss's tested path): a slow job never holds the connections pages are served from. On PGlite it
 * runs through the process's one connection (a second PGlite on the folder would lose writes): see pgliteAdapter.
 * Several instances starting together are safe: pg-boss creates and migrates its schema under an advisory lock.
 */
export async function openQueue({ background, pollingIntervalSeconds = 2 }: StartOptions): Promise<Queue> {
  const { DATABASE_URL } = env();
  const pglite = DATABASE_URL ? undefined : await getPglite();
  const shared: ConstructorOptions = {
    schema: SCHEMA,
    supervise: background,
    schedule: background,
    // Workers listen for jobs sent to queues that notify (on PGlite in-process, on PostgreSQL on one more connection).
    useListenNotify: background,
  };
  const boss = new PgBoss(
    pglite
      ? // PGlite has no autovacuum (the 'vacuum' job stands in): pg-boss would warn about that on every check.
        { ...shared, backend: 'pglite', db: pgliteAdapter(pglite), monitorVacuum: false }
      : { ...shared, connectionString: DATABASE_URL, max: POOL_SIZE },
  );
  boss.on('error', (error) => console.error('jobs:', error));
  await boss.start();
  for (const name of jobNames) {
    const { queue, cron } = jobs[name] as { queue?: object; cron?: string };
    await boss.createQueue(name, queue);
    // createQueue leaves an existing queue as it is: bring its settings up to date with the list.
    if (queue) await boss.updateQueue(name, queue);
    if (background && cron) await boss.schedule(name, cron, {}, { tz: 'UTC' });
  }

  return {
    async enqueue(name, data, { startAfter, singletonKey } = {}) {
      const payload = jobs[name].data.parse(data);
      if (!singletonKey) return boss.send(name, payload, { startAfter });
      const { jobs: ids } = await boss.upsert(name, payload, { singletonKey, startAfter });
      return ids[0] ?? null;
    },
    async work(name, handler) {
      // Polling goes on at the same pace on queues that notify: it is what finds deferred jobs and retries come due.
      const polling = { pollingIntervalSeconds, notifyPollingIntervalSeconds: pollingIntervalSeconds };
      await boss.work(name, polling, async ([job]) => {
        const data = jobs[name].data.parse(job.data) as JobData<typeof name>;
        await handler(data, { id: job.id, progress: (progress) => saveProgress(job.id, progress) });
      });
    },
    async status(name, id) {
      const job = await boss.getJobById(name, id);
      if (!job) return null;
      const db = await getDb();
      const [progress] = await db
        .select({ done: jobProgress.done, total: jobProgress.total, note: jobProgress.note })
        .from(jobProgress)
        .where(eq(jobProgress.jobId, id));
      return {
        state: job.state,
        createdOn: job.createdOn,
        startedOn: job.startedOn ?? null,
        completedOn: job.completedOn,
        progress: progress ?? null,
        output: job.output ?? null,
      };
    },
    async stop() {
      // Lets running handlers finish; on PGlite the connection stays open (it is the app's).
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * pg-boss's own PGlite adapter (statements with values go through `query`, one statement each; its multi-statement
 * DDL and locked blocks through `exec`, which takes no values), except that a block of BEGIN … COMMIT runs inside
 * PGlite's transaction(). PGlite serves one caller at a time: if such a block fails, the rollback now happens before
 * anyone else gets the connection. With the plain adapter the app's next query could run first, in the aborted
 * transaction, and fail.
 */
function pgliteAdapter(pglite: PGlite): Db {
  const adapter = fromPglite(pglite);
  return {
    ...adapter,
    async executeSql(text, values) {
      if (values?.length || !/^\s*BEGIN;/.test(text)) return adapter.executeSql(text, values);
      const results = await pglite.transaction((tx) => tx.exec(text));
      return { rows: results.flatMap((result) => result.rows) };
    },
  };
}

async function saveProgress(jobId: string, { done, total = null, note = '' }: Progress): Promise<void> {
  const db = await getDb();
  const values = { done, total, note, updatedAt: new Date() };
  await db
    .insert(jobProgress)
    .values({ jobId, ...values })
    .onConflictDoUpdate({ target: jobProgress.jobId, set: values });
}

/** Forgets the progress of jobs not heard from for a week (pg-boss deletes finished jobs after seven days too). */
export async function pruneProgress(now = new Date()): Promise<void> {
  const db = await getDb();
  await db.delete(jobProgress).where(lt(jobProgress.updatedAt, new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000)));
}

// On globalThis so that dev-mode module reloads keep the one queue (and its workers).
const holder = globalThis as unknown as { broadsheetQueue?: Promise<Queue> };

/** Starts the process's queue (instrumentation.ts, with workers); later calls get the same one. */
export function startQueue(options: StartOptions): Promise<Queue> {
  holder.broadsheetQueue ??= openQueue(options).catch((error: unknown) => {
    holder.broadsheetQueue = undefined;
    throw error;
  });
  return holder.broadsheetQueue;
}

/** The process's queue: the one the server started, or in a process without workers, one that only sends. */
function processQueue(): Promise<Queue> {
  return holder.broadsheetQueue ?? startQueue({ background: false });
}

/** Sends a job, checked against its payload schema (lib/jobs/jobs.ts). Returns its id. */
export async function enqueue<N extends JobName>(
  name: N,
  data: JobInput<N>,
  options?: EnqueueOptions,
): Promise<string | null> {
  return (await processQueue()).enqueue(name, data, options);
}

/** Where a job is (created, active, completed, failed…) and how far it has got, for the dashboard. */
export async function jobStatus(name: JobName, id: string): Promise<JobStatus | null> {
  return (await processQueue()).status(name, id);
}

/** Stops the process's queue, letting running jobs finish (tests, scripts). */
export async function stopQueue(): Promise<void> {
  const open = holder.broadsheetQueue;
  holder.broadsheetQueue = undefined;
  if (open) await (await open).stop();
}
