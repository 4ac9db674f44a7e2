import 'server-only';
import { isbot } from 'isbot';
import { countAdEvent, getAdForClick } from '@/db/queries/ad-stats';
import { getDb } from '@/lib/db';
import { isAdLive, safeTargetUrl } from './rules';

/**
 * An ad click (`/ads/click/ID`): the advertiser's address to send the reader to, once the click is counted (people
 * only, not bots). Null for a paused, expired or unknown ad, or a target that is not http(s): the reader goes home
 * instead, so this is never an open redirect.
 */
export async function followAdClick(rawId: string, userAgent: string | null, now = new Date()): Promise<string | null> {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) return null;
  const db = await getDb();
  const ad = await getAdForClick(db, id);
  const target = ad && isAdLive(ad, now) ? safeTargetUrl(ad.targetUrl) : null;
  if (!ad || !target) return null;
  if (!isbot(userAgent)) await countAdEvent(db, ad.id, 'clicks', now.toISOString().slice(0, 10));
  return target;
}
