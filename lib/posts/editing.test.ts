import { describe, expect, it } from 'vitest';
import { parseLocalDateTime, postFormSchema, transition } from './editing';

const now = new Date('2026-03-01T12:00:00Z');

describe('postFormSchema', () => {
  const base = { title: 'Harbour wall: repairs begin!', slug: '', intent: 'save' };

  it('derives the slug from the title until one is given', () => {
    expect(postFormSchema.parse(base).slug).toBe('harbour-wall-repairs-begin');
    expect(postFormSchema.parse({ ...base, slug: 'wall' }).slug).toBe('wall');
  });

  it('splits, trims and dedupes labels', () => {
    expect(postFormSchema.parse({ ...base, labels: ' Harbour, Weather ,Harbour,, ' }).labels).toEqual([
      'Harbour',
      'Weather',
    ]);
  });

  it('explains what is wrong', () => {
    const result = postFormSchema.safeParse({ title: ' ', slug: 'Bad Slug', intent: 'save' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(messages).toContain('title: Give the post a title.');
    expect(messages).toContain('slug: Use lowercase letters, digits and dashes only.');
  });

  it('refuses unknown intents', () => {
    expect(postFormSchema.safeParse({ ...base, intent: 'delete-everything' }).success).toBe(false);
  });
});

describe('parseLocalDateTime', () => {
  it('reads a datetime-local value in the author time zone', () => {
    // Getting the offset from a browser in New York in winter: 300 minutes.
    expect(parseLocalDateTime('2026-03-01T09:30', 300)).toEqual(new Date('2026-03-01T14:30:00Z'));
    expect(parseLocalDateTime('2026-03-01T09:30', -60)).toEqual(new Date('2026-03-01T08:30:00Z'));
    expect(parseLocalDateTime('2026-03-01T09:30:15', 0)).toEqual(new Date('2026-03-01T09:30:15Z'));
    expect(parseLocalDateTime('yesterday', 0)).toBeNull();
  });
});

describe('transition', () => {
  const draft = { status: 'draft' as const, publishedAt: null };
  const live = { status: 'published' as const, publishedAt: new Date('2026-02-01T00:00:00Z') };

  it('publishes now, keeps the original date on republish, and revokes previews', () => {
    expect(transition('publish', draft, null, now)).toEqual({
      ok: true,
      status: 'published',
      publishedAt: now,
      rotatePreview: true,
    });
    expect(transition('publish', live, null, now)).toMatchObject({ publishedAt: live.publishedAt });
  });

  it('schedules only in the future', () => {
    expect(transition('schedule', draft, null, now)).toMatchObject({ ok: false, field: 'scheduleAt' });
    expect(transition('schedule', draft, new Date(now.getTime() - 1), now)).toMatchObject({ ok: false });
    const at = new Date(now.getTime() + 60_000);
    expect(transition('schedule', draft, at, now)).toMatchObject({ ok: true, status: 'scheduled', publishedAt: at });
  });

  it('saves in place, submits for review, unpublishes to a draft', () => {
    expect(transition('save', live, null, now)).toMatchObject({ status: 'published', publishedAt: live.publishedAt });
    expect(transition('save', null, null, now)).toMatchObject({ status: 'draft' });
    expect(transition('submit', draft, null, now)).toMatchObject({ status: 'review' });
    expect(transition('submit', live, null, now)).toMatchObject({ ok: false });
    expect(transition('unpublish', live, null, now)).toMatchObject({ status: 'draft', publishedAt: null });
    expect(transition('unpublish', draft, null, now)).toMatchObject({ ok: false });
  });
});
