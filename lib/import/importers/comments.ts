import 'server-only';
import { comments } from '@/db/schema';
import type { Database } from '@/lib/db';
import { commentText } from '../bodies';
import { rememberItems, type KnownItems } from '../import-items';
import type { CommentRecord } from '../records';

/**
 * Writes a batch of comments in one transaction, each under its post and, when the comment it answers is here,
 * under that comment: in rounds, each one statement, so that replies follow their parents within the batch.
 * Returns the ones whose parent is not here yet (later in the file): the caller offers them again once the rest
 * are in. With `orphansAtTop`, those whose parent never came go to the top of their thread instead.
 */
export async function importComments(
  db: Database,
  batch: CommentRecord[],
  sourceKey: string,
  known: KnownItems,
  { orphansAtTop }: { orphansAtTop: boolean },
): Promise<CommentRecord[]> {
  let pending = batch.filter((c) => !known.comment.has(c.id) && known.post.has(c.postId));
  await db.transaction(async (tx) => {
    while (pending.length > 0) {
      const inBatch = new Set(pending.map((c) => c.id));
      let ready = pending.filter((c) => !c.parentId || known.comment.has(c.parentId));
      if (ready.length === 0 && orphansAtTop) ready = pending.filter((c) => !inBatch.has(c.parentId!));
      // Only a loop of replies is left (each answering another of them): the first goes to the top.
      if (ready.length === 0 && orphansAtTop) ready = pending.slice(0, 1);
      if (ready.length === 0) break;
      // Postgres returns the rows of a multi-row VALUES in the order given, which pairs each id with its comment.
      const rows = await tx
        .insert(comments)
        .values(ready.map((comment) => commentRow(comment, known)))
        .returning({ id: comments.id });
      await rememberItems(
        tx,
        known,
        sourceKey,
        'comment',
        ready.map((comment, index) => ({ externalId: comment.id, entityId: rows[index].id })),
      );
      const done = new Set(ready);
      pending = pending.filter((c) => !done.has(c));
    }
  });
  return pending;
}

function commentRow(comment: CommentRecord, known: KnownItems): typeof comments.$inferInsert {
  const parentId = comment.parentId ? known.comment.get(comment.parentId) : undefined;
  return {
    postId: Number(known.post.get(comment.postId)),
    parentId: parentId ? Number(parentId) : null,
    authorName: comment.authorName.slice(0, 200),
    authorEmail: comment.authorEmail,
    body: commentText(comment.bodyHtml),
    status: comment.status === 'deleted' ? 'rejected' : comment.status,
    reason: comment.status === 'approved' ? null : 'Imported with this status',
    createdAt: comment.createdAt,
  };
}
