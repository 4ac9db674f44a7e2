/** The rules of serving an ad: when it may show, which one a page view gets, and where a click may go. */

export type Schedulable = { status: 'active' | 'paused'; startsAt: Date; endsAt: Date | null };

/** Live from `startsAt` (inclusive) until `endsAt` (exclusive), and only while active. */
export function isAdLive(ad: Schedulable, now: Date): boolean {
  return (
    ad.status === 'active' &&
    ad.startsAt.getTime() <= now.getTime() &&
    (ad.endsAt === null || now.getTime() < ad.endsAt.getTime())
  );
}

/** Picks one item with probability proportional to its weight; `random` is a number in [0, 1). */
export function pickWeighted<T extends { weight: number }>(items: T[], random: number): T | undefined {
  const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
  if (total <= 0) return items[0];
  let point = random * total;
  for (const item of items) {
    point -= Math.max(0, item.weight);
    if (point < 0) return item;
  }
  return items.at(-1);
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
