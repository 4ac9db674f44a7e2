import { z } from 'zod';

/**
 * Every setting Broadsheet reads from the environment (or .env.local), checked in one place: this is the only module
 * of the app and its scripts that reads process.env. The exceptions run outside the app or before it: next.config.ts
 * (Next reads it before any of our code), playwright.config.ts, e2e/, tests and bench/ (they stage servers and
 * pass them their environment), and instrumentation.ts's `process.env.NEXT_RUNTIME` test, a constant Next sets per
 * runtime and documents as the way to keep Node-only code out of the edge runtime.
 */

/** An unset variable and an empty one mean the same: not set. */
const unset = z.literal('').transform(() => undefined);
const port = z.string().regex(/^\d+$/, 'must be a port number');

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional()
    .or(unset),
  PGLITE_DIR: z.string().min(1).default('.data/pglite'),
  /** The public address, without a trailing slash: paths are appended to it. */
  SITE_URL: z
    .url()
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  /** nginx's refresh listener (deploy/nginx.conf), asked for fresh copies of the pages a change shows on. */
  CACHE_REFRESH_URL: z
    .url({ protocol: /^http$/, error: 'CACHE_REFRESH_URL must be an http:// URL (a listener on the private network)' })
    .optional()
    .or(unset),
  /**
   * The least time, in seconds, between showing a comment form and taking its comment, instead of the site's
   * setting: a test setting (the e2e server sets 0, so its tests need not wait). Unset, the setting applies.
   */
  COMMENT_MIN_SECONDS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(0).max(120).optional(),
  ),
  /** Sessions are signed with it and every other key is derived from it (lib/secrets.ts): read it with authSecret(). */
  AUTH_SECRET: z.string().optional().or(unset),
  /**
   * How many proxies in front of the server add themselves to X-Forwarded-For: 0 (the default) trusts no header and
   * takes the client's address from the connection; 1 behind deploy/nginx.conf (lib/request/client-address.ts).
   */
  TRUST_PROXY: z.coerce
    .number({ error: 'TRUST_PROXY must be the number of proxies in front of Broadsheet: 0, or 1 behind nginx' })
    .int()
    .min(0)
    .default(0),
  /**
   * A Redis shared by every instance (redis://host:6379): the page cache and the ad counters' repeat filter live
   * there when it is set. Unset, each process keeps its own (Next's file cache, memory).
   */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL' })
    .optional()
    .or(unset),
  /**
   * Where uploads are kept (lib/storage): `disk`, under UPLOADS_DIR, or `s3`, in S3_BUCKET. Unset, it follows
   * S3_BUCKET: a bucket named means the bucket.
   */
  STORAGE: z.enum(['disk', 's3']).optional().or(unset),
  UPLOADS_DIR: z.string().min(1).default('.data/uploads'),
  /** Where export files uploaded at /dashboard/import wait for their import job (deleted when it ends). */
  IMPORTS_DIR: z.string().min(1).default('.data/imports'),
  /**
   * The largest export file /dashboard/import takes, in MB: real Blogger and WordPress exports run to 20–200 MB. The
   * upload streams to IMPORTS_DIR, so this bounds the disk it takes, not memory.
   */
  IMPORT_MAX_MB: z.coerce.number().int().positive().default(512),
  /** An S3-compatible bucket for uploads (AWS S3, Cloudflare R2, MinIO, Garage). */
  S3_BUCKET: z.string().optional().or(unset),
  /** Another service than AWS (http://127.0.0.1:9000 for MinIO): its buckets are then addressed by path. */
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(unset),
  /** AWS's region of the bucket; `auto` for R2, the service's own name for Garage (`garage` by default). */
  S3_REGION: z
    .string()
    .default('us-east-1')
    .transform((region) => region || 'us-east-1'),
  /**
   * Where readers fetch uploads from when not from this site's /uploads/… (a CDN or a public bucket), without a
   * trailing slash: keys are appended to it.
   */
  S3_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional()
    .or(unset),
  /** The bucket's credentials; unset, the AWS SDK looks for them itself (an instance role, ~/.aws). */
  AWS_ACCESS_KEY_ID: z.string().optional().or(unset),
  AWS_SECRET_ACCESS_KEY: z.string().optional().or(unset),
  /** Mail (lib/mail): smtp://user:pass@host:587; unset, mail is logged and skipped. */
  SMTP_URL: z.string().optional().or(unset),
  MAIL_FROM: z
    .string()
    .default('broadsheet@localhost')
    .transform((from) => from || 'broadsheet@localhost'),
  /** The most mails per second to followers (lib/subscribers/send.ts); 0: as fast as the SMTP server takes them. */
  MAIL_RATE_PER_SECOND: z.coerce.number().min(0).default(0),
  /** The in-process scheduler (instrumentation.ts): `off` disables it. */
  SCHEDULER: z.string().optional(),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  /** Where the scheduler reaches this server's /api/scheduler; by default its own port on loopback. */
  SCHEDULER_URL: z.url().optional().or(unset),
  /** The port the server listens on (`next start` sets it from --port). */
  PORT: port.optional(),
  NEXT_PHASE: z.string().optional(),
  /**
   * The most the page cache may take on disk, in MB (lib/cache/disk-bound.ts): past it, the pages and reads used
   * longest ago are removed and render again on their next visit. An article takes about 150 KB there (HTML, RSC
   * payload and segments, measured on the demo site), so 1 GB keeps some 7,000 pages: every page of a site of a few
   * thousand posts, and the most read of a larger one, whose cold pages render on demand as they would after a deploy
   * (30–60 ms). No address pattern can grow the folder past it.
   */
  PAGE_CACHE_MAX_MB: z.coerce.number().int().positive().default(1024),
  NEXT_DIST_DIR: z
    .string()
    .default('.next')
    .transform((dir) => dir || '.next'),
});

/**
 * Settings only scripts read, checked apart so that their generic names (a BASE_URL set for another tool) never
 * stop the app: the e2e server's ports (playwright.config.ts picks them), and the screenshots' options.
 */
const scriptEnvSchema = z.object({
  E2E_PORT: port.default('3100'),
  E2E_REFRESH_PORT: port.default('3101'),
  BASE_URL: z.url().default('http://localhost:3000'),
  OUT_DIR: z.string().min(1).default('test-results/screenshots'),
  FULL_PAGE: z.string().optional(),
});

/** The settings that depend on each other, resolved: the storage chosen, and what it needs. */
const resolvedEnvSchema = envSchema
  .transform(({ STORAGE, ...settings }) => ({ ...settings, STORAGE: STORAGE ?? (settings.S3_BUCKET ? 's3' : 'disk') }))
  .superRefine((settings, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (settings.STORAGE === 's3' && !settings.S3_BUCKET) problem('S3_BUCKET', 'STORAGE=s3 needs S3_BUCKET');
    // Checked only with a bucket: AWS variables meant for another program must not stop a site on disk.
    if (settings.S3_BUCKET && !settings.AWS_ACCESS_KEY_ID !== !settings.AWS_SECRET_ACCESS_KEY)
      problem('AWS_SECRET_ACCESS_KEY', 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY together, or neither');
  });

export type Env = z.infer<typeof resolvedEnvSchema>;

function parse<T extends z.ZodType>(schema: T): z.infer<T> {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

const names = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
let last: { values: (string | undefined)[]; env: Env } | undefined;
// Set once a production server has started (exitUnlessConfigured): on globalThis, as each route bundle has its own
// copy of this module.
const holder = globalThis as unknown as { broadsheetEnvSettled?: boolean };

/**
 * Read at call time, not import time: scripts and tests set the environment before the first query. Parsed again
 * only when one of its variables changed: it is read per mail sent and per request, and each parse made garbage.
 * A started production server's environment does not change, and is not compared again: each read of
 * `process.env` is a call into Node's C++, and comparing every variable was 8 % of the server's time under a rush of
 * ad beacons (bench/FINDINGS.md, "Beacons: what a request cost").
 */
export function env(): Env {
  if (last && (holder.broadsheetEnvSettled || last.values.every((value, i) => process.env[names[i]] === value))) {
    return last.env;
  }
  const values = names.map((name) => process.env[name]);
  last = { values, env: Object.freeze(parse(resolvedEnvSchema)) };
  return last.env;
}

/**
 * The site's address alone, for next.config.ts: the build reads it (and bakes it into the security headers) without
 * requiring every other setting to be valid there.
 */
export function siteUrl(): string {
  return parse(envSchema.pick({ SITE_URL: true })).SITE_URL;
}

/**
 * The address uploads are served from when it is not this site (S3_PUBLIC_URL), for next.config.ts: the image
 * optimizer may fetch from there. Read alone, as siteUrl() is.
 */
export function mediaPublicUrl(): string | undefined {
  return parse(envSchema.pick({ S3_PUBLIC_URL: true })).S3_PUBLIC_URL;
}

export function scriptEnv(): z.infer<typeof scriptEnvSchema> {
  return parse(scriptEnvSchema);
}

export const MISSING_AUTH_SECRET =
  'AUTH_SECRET is not set: set it in the environment or in .env.local to a long random string (for example ' +
  '`openssl rand -base64 32`), the same on every instance. `npm start` writes one to .env.local when there is none.';

/** The one secret. Required: without it sessions, preview links and every keyed hash would be forgeable. */
export function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error(MISSING_AUTH_SECRET);
  return secret;
}

/**
 * For the server's start (instrumentation.ts): the settings, every one valid and the secret present, or the process
 * ends with a message saying what to set. An error thrown from there would be logged by Next, which keeps serving.
 */
export function exitUnlessConfigured(): Env {
  try {
    authSecret();
    const settings = env();
    // `next dev` reloads .env files into the environment while it runs; a production server's never changes.
    holder.broadsheetEnvSettled = process.env.NODE_ENV === 'production';
    return settings;
  } catch (error) {
    console.error(`Broadsheet cannot start. ${(error as Error).message}`);
    process.exit(1);
  }
}
