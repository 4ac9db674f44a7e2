import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
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
    .or(z.literal('').transform(() => undefined)),
  /**
   * The least time, in seconds, between showing a comment form and taking its comment, instead of the site's
   * setting: a test setting (the e2e server sets 0, so its tests need not wait). Unset, the setting applies.
   */
  COMMENT_MIN_SECONDS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(0).max(120).optional(),
  ),
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Read at call time, not import time: scripts and tests set the environment before the first query. */
export function env(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
