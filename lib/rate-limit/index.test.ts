import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimitEvents } from '@/db/schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { giveBack, takeSlots, type Limit } from './index';

const db = useFreshDatabase('rate_limit');
const perEmail: Limit = { bucket: 'test:email', max: 10, windowMs: 60_000 };
const perNetwork: Limit = { bucket: 'test:ip', max: 50, windowMs: 60_000 };

describe('taking a slot', () => {
  it('lets exactly the limit through when 30 requests for one key arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        takeSlots(db(), [
          [perEmail, 'a@x.test'],
          [perNetwork, 'net-1'],
        ]),
      ),
    );
    expect(results.filter((r) => !r.limited)).toHaveLength(10);
    const refused = results.find((r) => r.limited);
    expect(refused && refused.limited && refused.retryAfterMs).toBeGreaterThan(0);
    // A refused request records nothing: the network key has the ten that passed.
    const [{ n }] = await db().select({ n: count() }).from(rateLimitEvents);
    expect(Number(n)).toBe(20);
  });

  it('keeps keys apart, and a slot given back can be taken again', async () => {
    const other = await takeSlots(db(), [[perEmail, 'b@x.test']]);
    expect(other.limited).toBe(false);
    const full = await takeSlots(db(), [[perEmail, 'a@x.test']]);
    expect(full.limited).toBe(true);

    const fresh = Array.from({ length: 10 }, (_, i) => i);
    const taken = [];
    for (const _ of fresh) taken.push(await takeSlots(db(), [[perEmail, 'c@x.test']]));
    expect((await takeSlots(db(), [[perEmail, 'c@x.test']])).limited).toBe(true);
    const first = taken[0];
    if (first.limited) throw new Error('the first slot was refused');
    await giveBack(db(), first.taken);
    expect((await takeSlots(db(), [[perEmail, 'c@x.test']])).limited).toBe(false);
  });

  it('refuses until every full window has a slot again, and writes nothing when refused', async () => {
    const perHour: Limit = { bucket: 'test:per-hour', max: 1, windowMs: 60 * 60_000 };
    const perMinute: Limit = { bucket: 'test:a-minute', max: 1, windowMs: 60_000 };
    const keys = [
      [perMinute, 'd@x.test'],
      [perHour, 'd@x.test'],
    ] as const;
    const start = new Date('2026-12-04T10:00:00Z');
    expect((await takeSlots(db(), [...keys], start)).limited).toBe(false);
    const later = new Date(start.getTime() + 30_000);
    let wrote = false;
    const refused = await takeSlots(db(), [...keys], later, async () => {
      wrote = true;
    });
    // The minute's window frees in 30 s, the hour's in 59.5 minutes: only then do both have room.
    expect(refused).toEqual({ limited: true, retryAfterMs: 60 * 60_000 - 30_000 });
    expect(wrote).toBe(false);
    const [{ n }] = await db().select({ n: count() }).from(rateLimitEvents).where(eq(rateLimitEvents.key, 'd@x.test'));
    expect(Number(n)).toBe(2);
  });
});
