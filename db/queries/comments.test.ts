import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoContent } from '@/lib/seed/demo';
import { demoPosts } from '@/lib/seed/demo-content';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { comments, posts } from '../schema';
import { countThreadsNewerThan, listApprovedCommentsPage } from './comments';

// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (CI runs the suite both ways).
const db = useFreshDatabase('comment_pages');
beforeAll(() => seedDemoContent(db()));

const at = (minute: number) => new Date(Date.UTC(2026, 0, 2, 0, minute));

/** Adds comments to the nth published demo post that has none of its own. */
async function quietPost(nth: number) {
  const quiet = demoPosts.filter((candidate) => candidate.status === 'published' && !candidate.comments?.length)[nth];
  const [post] = await db().select({ id: posts.id }).from(posts).where(eq(posts.slug, quiet.slug));
  const add = async (
    name: string,
    minute: number,
    parentId: number | null = null,
    status: 'approved' | 'pending' = 'approved',
  ) => {
    const [row] = await db()
      .insert(comments)
      .values({ postId: post.id, authorName: name, body: name, status, parentId, createdAt: at(minute) })
      .returning({ id: comments.id });
    return row.id;
  };
  return { post, add };
}

describe('a page of approved comments', () => {
  it('holds whole threads, newest threads first, and counts threads and comments', async () => {
    const { post, add } = await quietPost(0);
    const r0 = await add('R0', 0);
    const r1 = await add('R1', 1);
    const held = await add('Held', 2, null, 'pending');
    // A reply to a comment that is not shown starts a thread of its own, as on the page.
    await add('Orphan', 3, held);
    await add('R2', 4);
    await add('R3', 5);
    await add('R4', 6);
    const a = await add('Reply to R1', 7, r1);
    await add('Reply to that', 8, a);

    const page = async (skip: number) => {
      const found = (await listApprovedCommentsPage(db(), post.id, { skip, perPage: 2 }))!;
      return { names: found.comments.map((comment) => comment.authorName), threads: found.threads, total: found.total };
    };
    expect(await page(0)).toEqual({ names: ['R3', 'R4'], threads: 6, total: 8 });
    expect(await page(2)).toEqual({ names: ['Orphan', 'R2'], threads: 6, total: 8 });
    expect(await page(4)).toEqual({ names: ['R0', 'R1', 'Reply to R1', 'Reply to that'], threads: 6, total: 8 });
    expect(await listApprovedCommentsPage(db(), post.id, { skip: 6, perPage: 2 })).toBeNull();
    const none = await listApprovedCommentsPage(db(), post.id + 1000, { skip: 0, perPage: 2 });
    expect(none).toEqual({ comments: [], threads: 0, total: 0 });
    const [first] = (await listApprovedCommentsPage(db(), post.id, { skip: 4, perPage: 2 }))!.comments;
    expect(first).toEqual({ id: r0, parentId: null, authorName: 'R0', isStaff: false, body: 'R0', createdAt: at(0) });
  });
});

describe('the page that shows a comment', () => {
  it('is the page listApprovedCommentsPage shows its thread on, for replies, orphans and loops alike', async () => {
    const { post, add } = await quietPost(1);
    const held = await add('Held', 0, null, 'pending');
    const shown = [await add('R0', 1), await add('Orphan', 2, held), await add('R1', 3)];
    shown.push(await add('Reply to R0', 4, shown[0]), await add('R2', 5), await add('R3', 6));
    shown.push(await add('Reply to the reply', 7, shown[3]), await add('Same minute as R3', 6));
    // Two comments that answer each other (no importer makes such a loop; a hand edit of the database can) belong to
    // no thread.
    const loop = [await add('Loop A', 8), await add('Loop B', 9)];
    await db().update(comments).set({ parentId: loop[1] }).where(eq(comments.id, loop[0]));
    await db().update(comments).set({ parentId: loop[0] }).where(eq(comments.id, loop[1]));

    const perPage = 2;
    for (const id of shown) {
      const newer = await countThreadsNewerThan(db(), post.id, id);
      const page = await listApprovedCommentsPage(db(), post.id, {
        skip: Math.floor(newer! / perPage) * perPage,
        perPage,
      });
      expect(page!.comments.map((comment) => comment.id)).toContain(id);
    }
    expect(await countThreadsNewerThan(db(), post.id, shown[0])).toBe(5);
    expect(await countThreadsNewerThan(db(), post.id, shown[6])).toBe(5);
    expect(await countThreadsNewerThan(db(), post.id, shown[7])).toBe(0);
    for (const hidden of [held, ...loop]) expect(await countThreadsNewerThan(db(), post.id, hidden)).toBeNull();
    expect(await countThreadsNewerThan(db(), post.id + 1000, shown[0])).toBeNull();
  });
});
