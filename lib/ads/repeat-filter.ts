import 'server-only';
import { logRedisTrouble, sharedRedis, type Redis } from '@/lib/redis/client';
import { SeenRecently } from './seen-recently';

/** A visitor counts once per ad and kind within this window. */
export const REPEAT_WINDOW_MS = 30 * 60 * 1000;

const holder = globalThis as unknown as { broadsheetAdViews?: SeenRecently };

/** The process's in-memory filter (one per process, also when route bundles load this module twice). */
function localFilter(): SeenRecently {
  holder.broadsheetAdViews ??= new SeenRecently(REPEAT_WINDOW_MS);
  return holder.broadsheetAdViews;
}

/**
 * For each fingerprint (8 bytes: visitor, ad and kind, `viewFingerprint`), whether it counts now: true the first
 * time within the window. With REDIS_URL the claims live in Redis, which every instance shares (a key per claim
 * that expires with the window: `SET NX PX`); while Redis is down they fall back at once to this process's memory,
 * which is logged once a minute.
 */
export async function claimFirstViews(
  fingerprints: Uint8Array[],
  now: Date,
  {
    redis = sharedRedis(),
    prefix = 'broadsheet:ad-seen:',
  }: { redis?: Pick<Redis, 'set'> | null; prefix?: string } = {},
): Promise<boolean[]> {
  if (fingerprints.length === 0) return [];
  if (redis) {
    try {
      // Sent in one tick, so the client pipelines them: one round trip for a beacon's ads.
      const answers = await Promise.all(
        fingerprints.map((fingerprint) =>
          redis.set(prefix + Buffer.from(fingerprint).toString('base64url'), '1', {
            condition: 'NX',
            expiration: { type: 'PX', value: REPEAT_WINDOW_MS },
          }),
        ),
      );
      return answers.map((answer) => answer === 'OK');
    } catch (error) {
      logRedisTrouble('ad repeat filter, counting with this process’s memory meanwhile', error);
    }
  }
  const filter = localFilter();
  return fingerprints.map((fingerprint) => filter.claim(fingerprint, now.getTime()));
}
