import { and, eq, inArray, isNull, lt, lte } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { posts } from '@/db/schema';

export type Published = { id: number; slug: string };
const TRASH_DAYS = 30;

/**
 * Publishes every scheduled post whose time has come, including any missed while the server was down. Each post
 * is claimed under a row lock (SKIP LOCKED), so with several instances exactly one of them publishes it; a post
 * that fails keeps its status and records why, for the dashboard.
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
      const claimed = await db.transaction(async (tx) => {
        const [post] = await tx
          .select({ id: posts.id, slug: posts.slug })
          .from(posts)
          .where(and(eq(posts.id, id), eq(posts.status, 'scheduled')))
          .for('update', { skipLocked: true });
        if (!post) return null;
        await tx
          .update(posts)
          .set({ status: 'published', publishError: null, previewSecret: crypto.randomUUID(), updatedAt: now })
          .where(eq(posts.id, id));
        return post;
      });
      if (claimed) published.push(claimed);
    } catch (error) {
      failed++;
      await db
        .update(posts)
        .set({ publishError: error instanceof Error ? error.message : String(error) })
        .where(eq(posts.id, id));
    }
  }
  return { published, failed };
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
