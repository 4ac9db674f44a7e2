import { describe, expect, it } from 'vitest';
import { buildThreads, commentCountLabel } from './thread';

describe('buildThreads', () => {
  it('nests replies under their parents, keeping order', () => {
    const flat = [
      { id: 1, parentId: null },
      { id: 2, parentId: null },
      { id: 3, parentId: 1 },
      { id: 4, parentId: 3 },
    ];
    const threads = buildThreads(flat);
    expect(threads.map((t) => t.id)).toEqual([1, 2]);
    expect(threads[0].replies[0].id).toBe(3);
    expect(threads[0].replies[0].replies[0].id).toBe(4);
    expect(threads[1].replies).toEqual([]);
  });

  it('shows a reply to a hidden comment at the top level', () => {
    expect(buildThreads([{ id: 5, parentId: 99 }]).map((t) => t.id)).toEqual([5]);
  });
});

describe('commentCountLabel', () => {
  it.each([
    [0, 'No comments'],
    [1, '1 comment'],
    [12, '12 comments'],
  ])('%i -> %s', (count, label) => expect(commentCountLabel(count)).toBe(label));
});
