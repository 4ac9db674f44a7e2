import 'server-only';
import { createHash, createHmac } from 'node:crypto';
import { isbot } from 'isbot';
import type { Database } from '@/lib/db';
import { claimAndCountViews } from '@/db/queries/ad-stats';
import { keyFor } from '@/lib/secrets';

/**
 * Who saw an ad, without storing their address: a hash of network and browser under a salt of the day. The salt is
 * derived from the day and a key of its own (lib/secrets.ts), so one visitor's hashes differ from day to day and
 * cannot be joined without AUTH_SECRET; whoever holds the secret can recompute a day's salt and test a guessed
 * address against it, so the hashes are pseudonyms, not anonymous.
 */
export function visitorHash(ip: string, userAgent: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const salt = createHmac('sha256', keyFor('ad-visitors')).update(`ad-views:${day}`).digest();
  return createHash('sha256').update(salt).update(`${ip}\n${userAgent}`).digest('base64url').slice(0, 22);
}

/** Counts each ad once per visitor per 30 minutes; bots not at all. Returns how many were counted. */
export async function countImpressions(
  db: Database,
  adIds: number[],
  who: { ip: string; userAgent: string },
  kind: 'impressions' | 'servedImpressions',
  now = new Date(),
): Promise<number> {
  if (isbot(who.userAgent)) return 0;
  const visitor = `${kind === 'servedImpressions' ? 's' : 'v'}:${visitorHash(who.ip, who.userAgent, now)}`;
  return (await claimAndCountViews(db, [...new Set(adIds)], visitor, kind, now)).length;
}
