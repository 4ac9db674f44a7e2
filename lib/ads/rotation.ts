/**
 * Which of a slot's ads a page view shows. The server picks one when it renders the page (what a reader without
 * JavaScript sees), and every reader's browser picks again from the same cached page, with the same function:
 * `rotationScript` is the source of the two functions below, so there is one weighted choice, not a copy in a
 * string. Both are arrow functions that use nothing but their arguments and the browser's globals, so that their
 * source (as the build minified it) runs on its own in a page.
 */

/** Picks one item with probability proportional to its weight; `random` is a number in [0, 1). */
export const pickWeighted = <T extends { weight: number }>(items: T[], random: number): T | undefined => {
  const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
  if (total <= 0) return items[0];
  let point = random * total;
  for (const item of items) {
    point -= Math.max(0, item.weight);
    if (point < 0) return item;
  }
  return items[items.length - 1];
};

/**
 * Runs once as the page is parsed (no bundle, no hydration): in each slot, drops ads whose window has ended since
 * the page was cached and shows one of the rest, chosen by `pick`; a slot with none left keeps what the server
 * chose. An ad at least half in view for a second is reported, in batches, with navigator.sendBeacon.
 */
export const rotateAds = (pick: typeof pickWeighted): void => {
  const now = Date.now();
  const queue: number[] = [];
  const waiting = new WeakMap<Element, ReturnType<typeof setTimeout>>();
  let batch: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    if (queue.length) navigator.sendBeacon('/api/ads/impressions', JSON.stringify({ ids: queue.splice(0) }));
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        clearTimeout(waiting.get(target));
        if (!isIntersecting) continue;
        const seen = () => {
          observer.unobserve(target);
          queue.push(Number((target as HTMLElement).dataset.ad));
          clearTimeout(batch);
          batch = setTimeout(send, 2000);
        };
        waiting.set(target, setTimeout(seen, 1000));
      }
    },
    { threshold: 0.5 },
  );
  addEventListener('pagehide', send);
  for (const slot of Array.from(document.querySelectorAll('[data-slot]'))) {
    const all = Array.from(slot.querySelectorAll<HTMLElement>('[data-ad]'));
    const live = all.filter((ad) => !ad.dataset.ends || now < Number(ad.dataset.ends));
    const chosen = pick(
      live.map((ad) => ({ ad, weight: Number(ad.dataset.weight) })),
      Math.random(),
    );
    if (!chosen) continue;
    for (const ad of all) ad.hidden = ad !== chosen.ad;
    observer.observe(chosen.ad);
  }
};

/** The inline script of every reader page (components/site/ad-slot.tsx): the rotation, given the weighted choice. */
export const rotationScript = `(${rotateAds.toString()})(${pickWeighted.toString()})`;
