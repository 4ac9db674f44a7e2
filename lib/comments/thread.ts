export type ThreadNode<T> = T & { replies: ThreadNode<T>[] };

/** Builds reply trees from a flat, oldest-first list; a reply whose parent is not shown becomes a root. */
export function buildThreads<T extends { id: number; parentId: number | null }>(comments: T[]): ThreadNode<T>[] {
  const nodes = new Map<number, ThreadNode<T>>(comments.map((c) => [c.id, { ...c, replies: [] }]));
  const roots: ThreadNode<T>[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id)!;
    const parent = comment.parentId === null ? undefined : nodes.get(comment.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

/** "No comments", "1 comment", "12 comments" */
export function commentCountLabel(count: number): string {
  if (count === 0) return 'No comments';
  return count === 1 ? '1 comment' : `${count} comments`;
}
