import { describe, expect, it } from 'vitest';
import { reviveDates } from './cached';

describe('reviveDates', () => {
  it('turns cached date fields back into Dates, deep inside arrays and objects', () => {
    const cachedJson = JSON.parse(
      JSON.stringify({ posts: [{ publishedAt: new Date('2015-09-27T10:00:00Z'), endsAt: null, n: 1 }] }),
    );
    const revived = reviveDates(cachedJson);
    expect(revived.posts[0].publishedAt).toEqual(new Date('2015-09-27T10:00:00Z'));
    expect(revived.posts[0].endsAt).toBeNull();
    expect(revived.posts[0].n).toBe(1);
  });

  it('leaves text that merely looks like a date alone', () => {
    expect(reviveDates({ body: '2015-09-27T10:00:00.000Z' })).toEqual({ body: '2015-09-27T10:00:00.000Z' });
  });
});
