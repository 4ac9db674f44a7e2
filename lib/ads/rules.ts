/**
 * The rules of serving an ad: when it may show, on which pages, and where a click may go. Which of a slot's ads a
 * page view gets is in rotation.ts, shared with the reader's browser.
 */
import type { Ad } from '@/db/schema';

export type Schedulable = Pick<Ad, 'status' | 'startsAt' | 'endsAt'>;

/** Live from `startsAt` (inclusive) until `endsAt` (exclusive), and only while active. */
export function isAdLive(ad: Schedulable, now: Date): boolean {
  return (
    ad.status === 'active' &&
    ad.startsAt.getTime() <= now.getTime() &&
    (ad.endsAt === null || now.getTime() < ad.endsAt.getTime())
  );
}

/** A click may only go to an http(s) address: anything else (javascript:, data:, relative paths) is refused. */
export function safeTargetUrl(target: string): string | null {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The slots of one placement that belong on a page with these labels: untargeted ones, and those of its labels. */
export function slotsFor<S extends { placement: string; labelSlug: string | null }>(
  slots: S[],
  placement: S['placement'],
  labelSlugs: string[] = [],
): S[] {
  return slots.filter(
    (slot) => slot.placement === placement && (slot.labelSlug === null || labelSlugs.includes(slot.labelSlug)),
  );
}
