import { count } from 'drizzle-orm';
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
});
