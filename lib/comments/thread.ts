export type ThreadNode<T> = T & { replies: ThreadNode<T>[] };

/**
 * Where a reply goes when replies nest at most `maxDepth` levels (a top-level comment is level 1). `chain` is the
 * comment replied to followed by its ancestors up to the top level. Below the deepest level the reply is attached
 * to the comment replied to; at it (or past it, in threads from before the limit), to the ancestor one level above
 * the deepest, so it becomes a sibling there. Null: a top-level comment (a limit of 1 allows no replies).
 */
export function replyParent(chain: number[], maxDepth: number): number | null {
  if (chain.length < maxDepth) return chain[0] ?? null;
  return chain[chain.length - (maxDepth - 1)] ?? null;
}

/**
 * Builds reply trees from a flat, oldest-first list; a reply whose parent is not shown becomes a root. Replies
 * never nest deeper than `maxDepth` levels: a deeper one is shown beside its parent (see replyParent), so a thread
 * stored before the limit existed cannot grow the page without end.
 */
export function buildThreads<T extends { id: number; parentId: number | null }>(
  comments: T[],
  maxDepth = Infinity,
): ThreadNode<T>[] {
  type Placed = { node: ThreadNode<T>; depth: number; siblings: ThreadNode<T>[] };
  const roots: ThreadNode<T>[] = [];
  const byId = new Map(comments.map((c) => [c.id, c]));
  const placed = new Map<number, Placed>();
  // Where each comment goes: its parent's place first, wherever the parent is in the list.
  const place = (comment: T): Placed => {
    const known = placed.get(comment.id);
    if (known) return known;
    const parentComment = comment.parentId === null ? undefined : byId.get(comment.parentId);
    const parent = parentComment && place(parentComment);
    const spot: Omit<Placed, 'node'> = !parent
      ? { depth: 1, siblings: roots }
      : parent.depth < maxDepth
        ? { depth: parent.depth + 1, siblings: parent.node.replies }
        : { depth: parent.depth, siblings: parent.siblings };
    const here = { node: { ...comment, replies: [] } as ThreadNode<T>, ...spot };
    placed.set(comment.id, here);
    return here;
  };
  // Then each goes into its list in the order given.
  for (const comment of comments) {
    const { node, siblings } = place(comment);
    siblings.push(node);
  }
  return roots;
}

/** "No comments", "1 comment", "12 comments", "3,860 comments" */
export function commentCountLabel(count: number): string {
  if (count === 0) return 'No comments';
  return count === 1 ? '1 comment' : `${count.toLocaleString('en-US')} comments`;
}

/**
 * Threads (a top-level comment with its replies) on one page of comments (lib/comments/queries.ts). A story's
 * thousands of comments on one page made its article megabytes long, rendered again on every new comment: 8 MB and
 * 4 s of the server's time, with 100 MB of memory that stayed (bench/FINDINGS.md, "Published comments").
 */
export const THREADS_PER_PAGE = 100;

/** Where page `page` of an article's comments is: the article itself for the first. */
export function commentsPagePath(articlePath: string, page: number): string {
  return page === 1 ? articlePath : `${articlePath}/comments/${page}`;
}
