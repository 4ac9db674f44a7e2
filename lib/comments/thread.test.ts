import { describe, expect, it } from 'vitest';
import { buildThreads, commentCountLabel, commentsPagePath, replyParent } from './thread';

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

  it('shows replies past the deepest level beside their parent there', () => {
    const chain = [1, 2, 3, 4].map((id) => ({ id, parentId: id === 1 ? null : id - 1 }));
    const [root] = buildThreads(chain, 2);
    expect(root.replies.map((r) => r.id)).toEqual([2, 3, 4]);
    expect(root.replies.every((r) => r.replies.length === 0)).toBe(true);
  });

  it('places a reply under the deepest allowed ancestor', () => {
    // The comment replied to, then its ancestors up to the top level.
    expect(replyParent([7], 5)).toBe(7);
    expect(replyParent([4, 3, 2, 1], 5)).toBe(4);
    expect(replyParent([5, 4, 3, 2, 1], 5)).toBe(4);
    expect(replyParent([9, 8, 7, 6, 5, 4, 3, 2, 1], 5)).toBe(4);
    expect(replyParent([2, 1], 1)).toBeNull();
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
    [3860, '3,860 comments'],
  ])('%i -> %s', (count, label) => expect(commentCountLabel(count)).toBe(label));
});

describe('pages of comments', () => {
  it('puts page 1 at the article’s own address', () => {
    expect(commentsPagePath('/2026/12/a-story', 1)).toBe('/2026/12/a-story');
    expect(commentsPagePath('/2026/12/a-story', 3)).toBe('/2026/12/a-story/comments/3');
  });
});
