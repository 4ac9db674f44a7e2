import 'server-only';
import { createHash, createHmac, hash } from 'node:crypto';
import { isbot } from 'isbot';
import { keyFor } from '@/lib/secrets';
import { recordAdCounts, type AdCountKind } from './ad-counts';
import { existingAdIds } from './known-ads';
import { claimFirstViews } from './repeat-filter';

let daySalt: { day: string; salt: Buffer } | undefined;

/**
 * Who saw an ad, without storing their address: a hash of network and browser under a salt of the day. The salt is
 * derived from the day and a key of its own (lib/secrets.ts), so one visitor's hashes differ from day to day and
 * cannot be joined without AUTH_SECRET; whoever holds the secret can recompute a day's salt and test a guessed
 * address against it, so the hashes are pseudonyms, not anonymous.
 */
export function visitorHash(ip: string, userAgent: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  if (daySalt?.day !== day) {
    daySalt = { day, salt: createHmac('sha256', keyFor('ad-visitors')).update(`ad-views:${day}`).digest() };
  }
  return createHash('sha256').update(daySalt.salt).update(`${ip}\n${userAgent}`).digest('base64url').slice(0, 22);
}

/** What the repeat filter remembers of one count: 8 bytes of a hash of visitor, ad and kind. */
function viewFingerprint(visitor: string, adId: number, kind: AdCountKind): Uint8Array {
  return hash('sha256', `${kind}:${visitor}:${adId}`, 'buffer').subarray(0, 8);
}

/**
 * Counts seen impressions, served pixels or clicks of ads: each ad once per visitor and kind per 30 minutes, bots
 * never, ids that name no ad never. The counts are held in memory and written within a second
 * (lib/ads/ad-counts.ts), so this waits on the database only to learn of an ad it has not met. Returns how many
 * were counted.
 */
export async function countOncePerVisitor(
  adIds: number[],
  who: { ip: string; userAgent: string },
  kind: AdCountKind,
  now = new Date(),
): Promise<number> {
  if (isbot(who.userAgent)) return 0;
  const ads = await existingAdIds([...new Set(adIds)]);
  if (ads.length === 0) return 0;
  const visitor = visitorHash(who.ip, who.userAgent, now);
  const first = await claimFirstViews(
    ads.map((adId) => viewFingerprint(visitor, adId, kind)),
    now,
  );
  const counted = ads.filter((_, i) => first[i]);
  recordAdCounts(counted, now.toISOString().slice(0, 10), kind);
  return counted.length;
}
