import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { commentReports, comments, posts } from '@/db/schema';
import { createAccount } from '@/lib/people/accounts';
import { seedDemoContent } from '@/lib/seed/demo';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { moderate, undoDecision } from './moderation';

const db = useFreshDatabase('moderation');
let postId = 0;
let moderatorId = '';
let otherId = '';

const addComment = async (status: 'pending' | 'approved' = 'pending') => {
  const [row] = await db()
    .insert(comments)
    .values({ postId, authorName: 'Nia', body: `A comment ${Math.random()}`, status })
    .returning({ id: comments.id });
  return row.id;
};
const statusOf = async (id: number) =>
  (await db().select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0].status;

beforeAll(async () => {
  await seedDemoContent(db(), new Date('2026-05-31T00:00:00Z'));
  const [post] = await db().select({ id: posts.id }).from(posts).where(eq(posts.status, 'published')).limit(1);
  postId = post.id;
  moderatorId = (await createAccount(db(), { email: 'mo@example.com', name: 'Mo Derator', role: 'moderator' })).id;
  otherId = (await createAccount(db(), { email: 'ed@example.com', name: 'Ed Itor', role: 'editor' })).id;
});

describe('undoDecision', () => {
  it('puts a comment back where it was, and says which article readers see it change on', async () => {
    const id = await addComment();
    expect(await moderate(db(), moderatorId, [id], 'approve')).toEqual({ postIds: [postId] });
    expect(await statusOf(id)).toBe('approved');
    expect(await undoDecision(db(), moderatorId, id)).toEqual({ postIds: [postId] });
    expect(await statusOf(id)).toBe('pending');

    await moderate(db(), moderatorId, [id], 'spam');
    expect(await undoDecision(db(), moderatorId, id)).toEqual({ postIds: [] });
    expect(await statusOf(id)).toBe('pending');
  });

  it('reopens the reports the decision resolved, so the comment is back in the Reported queue', async () => {
    const id = await addComment('approved');
    await db().insert(commentReports).values({ commentId: id, reason: 'Off topic' });
    await moderate(db(), moderatorId, [id], 'reject');
    expect(await undoDecision(db(), moderatorId, id)).not.toBeNull();
    expect(await statusOf(id)).toBe('approved');
    const [report] = await db().select().from(commentReports).where(eq(commentReports.commentId, id));
    expect(report.resolvedAt).toBeNull();
  });

  it('refuses someone else’s decision, a comment changed since, and a comment never decided', async () => {
    const id = await addComment();
    await moderate(db(), otherId, [id], 'reject');
    expect(await undoDecision(db(), moderatorId, id)).toBeNull();
    await db().update(comments).set({ status: 'approved' }).where(eq(comments.id, id));
    expect(await undoDecision(db(), otherId, id)).toBeNull();
    expect(await statusOf(id)).toBe('approved');
    expect(await undoDecision(db(), moderatorId, await addComment())).toBeNull();
  });
});
