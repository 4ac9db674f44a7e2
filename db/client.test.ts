import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '@/lib/testing/fresh-database';

const db = useFreshDatabase('client');

describe('the database connection', () => {
  it('lets Node turn its event loop between statements, so sockets are read while a queue of them runs', async () => {
    let finished = 0;
    let finishedAtNextTurn: number | undefined;
    const queries = Array.from({ length: 20 }, () =>
      db()
        .execute(sql`select 1`)
        .then(() => {
          finished++;
          // Node reads sockets and accepts connections between turns: one must come before the queue is done.
          if (finished === 1) setImmediate(() => (finishedAtNextTurn = finished));
        }),
    );
    await Promise.all(queries);
    expect(finishedAtNextTurn).toBeLessThan(20);
  });
});
