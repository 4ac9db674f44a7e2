import type { QueueOptions } from 'pg-boss';
import { z } from 'zod';

type Definition = {
  /** The payload, checked when the job is sent and again when it runs. */
  data: z.ZodType<object>;
  /**
   * pg-boss's settings for the job's queue: retries, expiry, retention; `notify` wakes a worker the moment a job is
   * sent (LISTEN/NOTIFY) instead of at its next poll, for jobs that are due at once.
   */
  queue?: QueueOptions & { notify?: boolean };
  /** Also sent on this cron schedule (UTC), once across instances. */
  cron?: string;
};

const slug = z.string().min(1).max(200);

/**
 * Every kind of background job, with its payload. A job is sent with `enqueue(name, data)` and worked by the
 * handler its domain registers with `work(name, handler)` (lib/jobs/queue.ts); each name is a pg-boss queue.
 */
export const jobs = {
  /** Publishes a scheduled post at its time `at` (lib/scheduler): re-scheduling moves the job, the handler re-checks. */
  'publish-post': {
    data: z.object({ postId: z.number().int().positive(), at: z.iso.datetime() }),
    queue: { retryLimit: 3, retryDelay: 5, retryBackoff: true },
  },
  /**
   * Mails a newly published post to its followers (lib/subscribers/send.ts). Each (post, subscriber) is claimed
   * before its mail goes, so a retry (after a crash, or for deferred 4xx answers, with backoff) sends no duplicate.
   */
  'email-post': {
    data: z.object({ postId: z.number().int().positive() }),
    queue: { retryLimit: 6, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600, notify: true },
  },
  /**
   * Mails a commenter who asked for replies about one approved reply (lib/comments/reply-mail.ts). The reply is
   * claimed before its mail goes, so a retry (after a crash, or a deferred 4xx, with backoff) sends no duplicate.
   */
  'email-reply': {
    data: z.object({ replyId: z.number().int().positive() }),
    queue: { retryLimit: 6, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600, notify: true },
  },
  /** Every morning (07:00 UTC): the daily digest to subscribers who chose one (lib/subscribers/digest.ts). */
  'email-digest': {
    data: z.object({}),
    cron: '0 7 * * *',
    queue: { retryLimit: 3, retryDelay: 300, retryBackoff: true },
  },
  /** An ad starts or stops at `at`: the pages that show ads are rendered again. */
  'ad-window': { data: z.object({ at: z.iso.datetime() }) },
  /** At start and every five minutes: publishes what is overdue, queues what is upcoming, prunes old rows. */
  sweep: { data: z.object({}), cron: '*/5 * * * *' },
  /**
   * PGlite has no autovacuum: at start and every night, `vacuum analyze` keeps what a PostgreSQL server's autovacuum
   * keeps (planner statistics; the visibility map that lets a deep listing page skip its offset inside the index).
   * On PostgreSQL it does nothing.
   */
  vacuum: { data: z.object({}), cron: '17 4 * * *' },
  /**
   * Refreshes cached pages after a job changed what they show. Runs through the server's own route (a request is
   * what revalidation needs), so it waits and tries again while the server is not yet listening.
   */
  revalidate: {
    data: z.object({
      posts: z.array(slug).default([]),
      ads: z.boolean().default(false),
      // Posts whose comments were published (a comment taken before Next, lib/comments/endpoint.ts).
      comments: z.array(z.number().int().positive()).default([]),
      // A restored archive changed everything: the settings, the menu, pages and ads as well as posts.
      site: z.boolean().optional(),
    }),
    queue: { retryLimit: 8, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, notify: true },
  },
  /**
   * Imports an uploaded export file (lib/import). Idempotent, so a job cut off by a restart simply runs again once
   * pg-boss expires it, and creates only what is missing.
   */
  import: {
    data: z.object({ importId: z.number().int().positive() }),
    queue: { retryLimit: 2, retryDelay: 10, expireInSeconds: 60 * 60, notify: true },
  },
} satisfies Record<string, Definition>;

export type JobName = keyof typeof jobs;
export const jobNames = Object.keys(jobs) as JobName[];
/** What a handler receives. */
export type JobData<N extends JobName> = z.output<(typeof jobs)[N]['data']>;
/** What a sender passes (defaults not yet applied). */
export type JobInput<N extends JobName> = z.input<(typeof jobs)[N]['data']>;
