import { createHmac, timingSafeEqual } from 'node:crypto';

/** The scheduler's own credential for /api/scheduler, derived from AUTH_SECRET so there is nothing more to configure. */
export function schedulerKey(): string {
  return createHmac('sha256', process.env.AUTH_SECRET ?? '')
    .update('broadsheet-scheduler')
    .digest('base64url');
}

export function isSchedulerRequest(request: Request): boolean {
  const given = Buffer.from(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(schedulerKey());
  return Boolean(process.env.AUTH_SECRET) && given.length === expected.length && timingSafeEqual(given, expected);
}
