import { and, eq, gt, inArray, isNull, lt, lte } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { posts } from '@/db/schema';
import { writePost } from '@/lib/posts/write';

export type Published = { id: number; slug: string };
const TRASH_DAYS = 30;

/**
 * Publishes every scheduled post whose time has come, including any missed while the server was down; a post that
 * fails keeps its status and records why, for the dashboard.
 */
export async function publishDuePosts(
  db: Database,
  now = new Date(),
): Promise<{ published: Published[]; failed: number }> {
  const due = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.status, 'scheduled'), lte(posts.publishedAt, now), isNull(posts.deletedAt)))
    .limit(100);
  const published: Published[] = [];
  let failed = 0;
  for (const { id } of due) {
    try {
      const post = await publishPost(db, id, now);
      if (post) published.push(post);
    } catch {
      failed++;
    }
  }
  return { published, failed };
}

/**
 * Publishes one post if it is still scheduled, due by `now` and not in the trash, else returns null. The post is
 * claimed under a row lock (SKIP LOCKED), so with several instances (or its job and the sweep at once) exactly one
 * of them publishes it. A failure is recorded on the post and thrown.
 */
export async function publishPost(db: Database, id: number, now = new Date()): Promise<Published | null> {
  try {
    return await db.transaction(async (tx) => {
      const [post] = await tx
        .select({ id: posts.id, slug: posts.slug })
        .from(posts)
        .where(
          and(eq(posts.id, id), eq(posts.status, 'scheduled'), lte(posts.publishedAt, now), isNull(posts.deletedAt)),
        )
        .for('update', { skipLocked: true });
      if (!post) return null;
      await writePost(tx, {
        id,
        savedBy: null,
        status: 'published',
        publishError: null,
        previewSecret: crypto.randomUUID(),
        updatedAt: now,
      });
      return post;
    });
  } catch (error) {
    await db
      .update(posts)
      .set({ publishError: error instanceof Error ? error.message : String(error) })
      .where(eq(posts.id, id));
    throw error;
  }
}

/** Scheduled posts still to come, for the sweep to make sure each has its job. */
export async function upcomingPosts(db: Database, now = new Date()): Promise<{ id: number; publishedAt: Date }[]> {
  const rows = await db
    .select({ id: posts.id, publishedAt: posts.publishedAt })
    .from(posts)
    .where(and(eq(posts.status, 'scheduled'), gt(posts.publishedAt, now), isNull(posts.deletedAt)));
  return rows.flatMap(({ id, publishedAt }) => (publishedAt ? [{ id, publishedAt }] : []));
}

/** Empties the trash of posts deleted more than 30 days ago. */
export async function emptyOldTrash(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000);
  const old = await db.select({ id: posts.id }).from(posts).where(lt(posts.deletedAt, cutoff));
  if (old.length > 0)
    await db.delete(posts).where(
      inArray(
        posts.id,
        old.map((p) => p.id),
      ),
    );
  return old.length;
}
