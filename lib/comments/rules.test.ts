import { describe, expect, it } from 'vitest';
import { commentsClosed, countLinks, decide, findWord, type CommentFacts, type ModerationSettings } from './rules';

const now = new Date('2026-05-10T12:00:00Z');
const settings: ModerationSettings = {
  moderationMode: 'hold_first',
  commentsCloseAfterDays: null,
  maxLinks: 2,
  suspectWords: 'casino\ncheap pills',
  blockedWords: 'scumbag, idiot',
  requireEmail: false,
};
const facts = (overrides: Partial<CommentFacts> = {}): CommentFacts => ({
  body: 'Thanks for the report.',
  email: 'reader@example.com',
  isStaff: false,
  knownCommenter: true,
  blockedEmail: false,
  blockedIp: false,
  post: { commentsMode: 'site', publishedAt: new Date('2026-05-01T00:00:00Z') },
  now,
  ...overrides,
});

describe('decide', () => {
  it('approves a known commenter under the default mode', () => {
    expect(decide(facts(), settings)).toEqual({ outcome: 'approved', reason: null });
  });

  it('holds a first-time commenter and a comment without email', () => {
    expect(decide(facts({ knownCommenter: false }), settings)).toEqual({
      outcome: 'pending',
      reason: 'first comment from this email',
    });
    expect(decide(facts({ email: null }), settings)).toEqual({ outcome: 'pending', reason: 'no email given' });
  });

  it('follows the site mode, and a post override of it', () => {
    expect(decide(facts(), { ...settings, moderationMode: 'hold_all' })).toMatchObject({ outcome: 'pending' });
    expect(decide(facts({ knownCommenter: false }), { ...settings, moderationMode: 'approve' })).toMatchObject({
      outcome: 'approved',
    });
    expect(decide(facts({ post: { commentsMode: 'hold_all', publishedAt: now } }), settings)).toMatchObject({
      outcome: 'pending',
    });
    expect(
      decide(facts({ knownCommenter: false, post: { commentsMode: 'approve', publishedAt: now } }), settings),
    ).toMatchObject({
      outcome: 'approved',
    });
  });

  it('holds more links than allowed, saying how many', () => {
    const body = 'See https://a.example and http://b.example and www.c.example';
    expect(decide(facts({ body }), settings)).toEqual({ outcome: 'pending', reason: '3 links (more than 2)' });
    expect(decide(facts({ body: 'https://a.example https://b.example' }), settings)).toMatchObject({
      outcome: 'approved',
    });
  });

  it('holds suspect words and rejects blocked ones, naming the word', () => {
    expect(decide(facts({ body: 'Best CASINO bonus' }), settings)).toEqual({
      outcome: 'pending',
      reason: 'suspect word "casino"',
    });
    expect(decide(facts({ body: 'Buy cheap pills now' }), settings)).toMatchObject({
      reason: 'suspect word "cheap pills"',
    });
    const rejected = decide(facts({ body: 'What an idiot.' }), settings);
    expect(rejected).toMatchObject({ outcome: 'rejected', reason: 'blocked word "idiot"' });
    expect(rejected.outcome === 'rejected' && rejected.message).toContain('“idiot”');
    // Whole words only: "idiotic" is not "idiot".
    expect(decide(facts({ body: 'An idiotic plan' }), settings)).toMatchObject({ outcome: 'approved' });
  });

  it('rejects blocked emails and IPs, even from known commenters', () => {
    expect(decide(facts({ blockedEmail: true }), settings)).toMatchObject({
      outcome: 'rejected',
      reason: 'blocked email',
    });
    expect(decide(facts({ blockedIp: true }), settings)).toMatchObject({ outcome: 'rejected', reason: 'blocked IP' });
  });

  it('approves staff at once, but not past a blocked word or a closed post', () => {
    expect(
      decide(facts({ isStaff: true, knownCommenter: false, body: 'casino https://a https://b https://c' }), settings),
    ).toMatchObject({
      outcome: 'approved',
    });
    expect(decide(facts({ isStaff: true, body: 'idiot' }), settings)).toMatchObject({ outcome: 'rejected' });
  });

  it('rejects comments on closed posts', () => {
    expect(decide(facts({ post: { commentsMode: 'closed', publishedAt: now } }), settings)).toMatchObject({
      outcome: 'rejected',
      message: 'Comments are closed on this post.',
    });
  });
});

describe('closing after N days', () => {
  const post = { commentsMode: 'site' as const, publishedAt: new Date('2026-05-01T12:00:00Z') };
  it('is open until the Nth day ends, closed after', () => {
    const withLimit = { ...settings, commentsCloseAfterDays: 9 };
    expect(commentsClosed(post, withLimit, new Date('2026-05-10T12:00:00Z'))).toBe(false);
    expect(commentsClosed(post, withLimit, new Date('2026-05-10T12:00:01Z'))).toBe(true);
    expect(commentsClosed(post, settings, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('helpers', () => {
  it('counts links and finds phrases', () => {
    expect(countLinks('no links here')).toBe(0);
    expect(countLinks('HTTPS://X.example www.y.example')).toBe(2);
    expect(findWord('Ça va, café!', ['café'])).toBe('café');
    expect(findWord('cafés', ['café'])).toBeNull();
  });
});
