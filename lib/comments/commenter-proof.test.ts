import { describe, expect, it } from 'vitest';
import { proofWith, provenCommentIds } from './commenter-proof';

describe('commenter proof', () => {
  it('proves the comments it was signed for, newest twenty, each once', () => {
    let cookie = proofWith([], 7);
    expect(provenCommentIds(cookie)).toEqual([7]);
    for (let id = 100; id < 130; id++) cookie = proofWith(provenCommentIds(cookie), id);
    cookie = proofWith(provenCommentIds(cookie), 110);
    const ids = provenCommentIds(cookie);
    expect(ids).toHaveLength(20);
    expect(ids.at(-1)).toBe(110);
    expect(ids.filter((id) => id === 110)).toHaveLength(1);
    expect(ids).not.toContain(7);
  });

  it('proves nothing when changed, forged or missing', () => {
    const cookie = proofWith([], 7);
    expect(provenCommentIds(cookie.replace(/^7/, '8'))).toEqual([]);
    expect(provenCommentIds(`8.${cookie.split('.')[1]}`)).toEqual([]);
    expect(provenCommentIds('7.not-a-signature')).toEqual([]);
    expect(provenCommentIds(undefined)).toEqual([]);
    expect(provenCommentIds('')).toEqual([]);
  });
});
