import 'server-only';
import { createHash, createHmac } from 'node:crypto';
import { isbot } from 'isbot';
import type { Database } from '@/lib/db';
import { claimAndCountViews } from '@/db/queries/ad-stats';

/**
 * Who saw an ad, without storing who they are: a hash of network and browser under a salt that changes every day,
 * so yesterday's hashes cannot be joined to today's.
 */
export function visitorHash(ip: string, userAgent: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const salt = createHmac('sha256', process.env.AUTH_SECRET ?? '')
    .update(`ad-views:${day}`)
    .digest();
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
