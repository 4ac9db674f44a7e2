import { describe, expect, it } from 'vitest';
import { groupByDay } from './group-by-day';

describe('groupByDay', () => {
  it('puts posts of one local day under one header, in order', () => {
    const posts = [
      { id: 3, publishedAt: new Date('2015-09-27T20:00:00Z') },
      { id: 2, publishedAt: new Date('2015-09-27T08:00:00Z') },
      { id: 1, publishedAt: new Date('2015-09-25T08:00:00Z') },
    ];
    expect(groupByDay(posts, 'UTC')).toEqual([
      { key: '2015-09-27', heading: 'Sunday, September 27, 2015', posts: [posts[0], posts[1]] },
      { key: '2015-09-25', heading: 'Friday, September 25, 2015', posts: [posts[2]] },
    ]);
  });

  it('splits a UTC day in two where the site zone does', () => {
    const posts = [
      { publishedAt: new Date('2015-09-27T20:00:00Z') },
      { publishedAt: new Date('2015-09-27T02:00:00Z') },
    ];
    expect(groupByDay(posts, 'America/New_York').map((g) => g.heading)).toEqual([
      'Sunday, September 27, 2015',
      'Saturday, September 26, 2015',
    ]);
  });
});
