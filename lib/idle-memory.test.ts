import { afterEach, describe, expect, it } from 'vitest';
import { exposedGc } from '@/lib/testing/v8-gc';
import { giveBackMemoryWhenIdle } from './idle-memory';

const gc = exposedGc();

const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** About `mb` MB of short-lived objects, as a rush's requests leave them. */
function makeGarbage(mb: number): number {
  let kept: string[][] = [];
  let made = 0;
  for (let i = 0; made < mb * MB; i++) {
    kept.push([`${'x'.repeat(200)}${i}`, String(i)]);
    made += 250;
    if (kept.length > 100_000) kept = kept.slice(50_000);
  }
  return kept.length;
}

/** Keeps the event loop busy for `ms`, in turns of 20 ms, making garbage as it goes. */
async function busy(ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const turn = performance.now() + 20;
    while (performance.now() < turn) makeGarbage(1);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let stop = () => {};
afterEach(() => stop());

/** Starts it with V8's gc, checking every 200 ms; returns the times it collected. */
function watchWithGc(growthMb: number): number[] {
  const collections: number[] = [];
  stop = giveBackMemoryWhenIdle((options) => (gc(options), collections.push(performance.now())), {
    checkMs: 200,
    idleChecks: 2,
    growthMb,
  });
  return collections;
}

describe('giving memory back when idle', () => {
  it('collects once after a burst, when the server has gone idle, and the RSS falls', async () => {
    const collections = watchWithGc(32);
    makeGarbage(300);
    const afterBurst = process.memoryUsage.rss();
    await sleep(1500);
    expect(collections).toHaveLength(1);
    expect(process.memoryUsage.rss()).toBeLessThan(afterBurst - 32 * MB);
  });

  it('never collects while the event loop is busy, whatever the memory', async () => {
    const collections = watchWithGc(1);
    await busy(1500);
    expect(collections).toHaveLength(0);
    // One idle check is a lull, not the end of the load.
    await sleep(300);
    expect(collections).toHaveLength(0);
    await sleep(600);
    expect(collections).toHaveLength(1);
  });
});
