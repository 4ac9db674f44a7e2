import 'server-only';
import { getAdForClick } from '@/db/queries/ad-stats';
import { getDb } from '@/lib/db';
import { isFreshClickToken } from './click-token';
import { countOncePerVisitor } from './impressions';
import { isAdLive, safeTargetUrl } from './rules';

/**
 * An ad click (`/ads/click/ID?t=TOKEN`): the advertiser's address to send the reader to. The click counts only with
 * a fresh token from one of our pages (lib/ads/click-token.ts), once per visitor and ad per 30 minutes, and never
 * for bots; the reader is sent on either way. Null for a paused, expired or unknown ad, or a target that is not
 * http(s): the reader goes home instead, so this is never an open redirect.
 */
export async function followAdClick(
  rawId: string,
  click: { token: string | null; ip: string; userAgent: string },
  now = new Date(),
): Promise<string | null> {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) return null;
  const ad = await getAdForClick(await getDb(), id);
  const target = ad && isAdLive(ad, now) ? safeTargetUrl(ad.targetUrl) : null;
  if (!ad || !target) return null;
  if (isFreshClickToken(ad.id, click.token, now)) await countOncePerVisitor([ad.id], click, 'clicks', now);
  return target;
}
