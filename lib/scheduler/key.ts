import { timingSafeEqual } from 'node:crypto';
import { keyFor } from '@/lib/secrets';

/** The scheduler's own credential for /api/scheduler, derived from AUTH_SECRET so there is nothing more to configure. */
export function schedulerKey(): string {
  return keyFor('scheduler').toString('base64url');
}

export function isSchedulerRequest(request: Request): boolean {
  const given = Buffer.from(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(schedulerKey());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
