import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { labels, postLabels, posts } from '@/db/schema';
import { createAccount } from '@/lib/people/accounts';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { insertPosts, UnknownLabelsError } from './write';

const db = useFreshDatabase('post_write');

describe('insertPosts', () => {
  it('inserts a batch of posts in order with their labels, creating the labels it may', async () => {
    const author = await createAccount(db(), { email: 'w@example.com', name: 'W', role: 'author' });
    await db().insert(labels).values({ name: 'News', slug: 'news' });
    const post = (n: number) => ({
      title: `Post ${n}`,
      slug: `post-${n}`,
      bodyHtml: `<p>${n}</p>`,
      status: 'published' as const,
      publishedAt: new Date(Date.UTC(2020, 0, n)),
      authorId: author.id,
    });
    const ids = await db().transaction((tx) =>
      insertPosts(tx, [
        { post: post(1), labels: { names: ['News', 'Bridges'], create: true } },
        { post: post(2), labels: { names: [], create: true } },
        { post: post(3), labels: { names: ['Bridges', 'bridges'], create: true } },
      ]),
    );
    const bySlug = Object.fromEntries((await db().select().from(posts)).map((p) => [p.slug, p.id]));
    expect(ids).toEqual([bySlug['post-1'], bySlug['post-2'], bySlug['post-3']]);
    const linked = async (id: number) =>
      (
        await db()
          .select({ slug: labels.slug })
          .from(postLabels)
          .innerJoin(labels, eq(labels.id, postLabels.labelId))
          .where(eq(postLabels.postId, id))
      )
        .map((row) => row.slug)
        .sort();
    expect(await linked(ids[0])).toEqual(['bridges', 'news']);
    expect(await linked(ids[1])).toEqual([]);
    expect(await linked(ids[2])).toEqual(['bridges']);
    expect((await db().select().from(labels)).length).toBe(2);

    // Without the right to create labels, an unknown one undoes the whole batch.
    await expect(
      db().transaction((tx) =>
        insertPosts(tx, [
          { post: post(4), labels: { names: ['News'], create: false } },
          { post: post(5), labels: { names: ['Nope'], create: false } },
        ]),
      ),
    ).rejects.toBeInstanceOf(UnknownLabelsError);
    expect((await db().select().from(posts)).length).toBe(3);
  });
});
