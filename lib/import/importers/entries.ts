import 'server-only';
import type { Database } from '@/lib/db';
import { writePage } from '@/lib/pages/write';
import { insertPosts } from '@/lib/posts/write';
import { saveRedirects } from '@/lib/redirects/write';
import { commentText, importedBody } from '../bodies';
import { rememberItems, type KnownItems } from '../import-items';
import type { EntryRecord } from '../records';
import type { Addresses, Placement } from './addresses';

export type EntryContext = {
  sourceKey: string;
  known: KnownItems;
  addresses: Addresses;
  authors: Map<string, string>;
  labelNames: Map<string, string>;
  /** Who the entries without a known author are by: the person importing, or the first admin (asked when needed). */
  fallbackAuthorId: () => Promise<string>;
};

/**
 * Writes one batch of posts and pages in one transaction, with the redirects from their old addresses and their
 * lines in import_items: a batch is all there or not at all, so an import that stops can be run again.
 */
export async function importEntries(db: Database, batch: EntryRecord[], context: EntryContext): Promise<void> {
  const { sourceKey, known, addresses } = context;
  await db.transaction(async (tx) => {
    const fresh = batch.filter((entry) => addresses.placements.has(entry.id) && !known[entry.kind].has(entry.id));
    const made: { entry: EntryRecord; id: number }[] = [];
    // Posts, the bulk of a site, in one multi-row insert with their labels; pages, a handful, one by one.
    const newPosts = fresh.filter((entry) => entry.kind === 'post');
    const rows = [];
    for (const entry of newPosts) rows.push(await postRow(entry, addresses.placements.get(entry.id)!, context));
    const ids = await insertPosts(tx, rows);
    newPosts.forEach((entry, index) => made.push({ entry, id: ids[index] }));
    for (const entry of fresh.filter((entry) => entry.kind === 'page'))
      made.push({ entry, id: await importPage(tx, entry, addresses.placements.get(entry.id)!, context) });
    // The batch's redirects and import_items rows, each in as few statements as the seams allow.
    await saveRedirects(
      tx,
      made.flatMap(({ entry }) => {
        const path = addresses.placements.get(entry.id)?.path;
        return path ? entry.oldUrls.map((fromPath) => ({ fromPath, toPath: path, source: 'import' as const })) : [];
      }),
    );
    for (const kind of ['post', 'page'] as const) {
      const items = made.filter(({ entry }) => entry.kind === kind);
      await rememberItems(
        tx,
        known,
        sourceKey,
        kind,
        items.map(({ entry, id }) => ({ externalId: entry.id, entityId: id })),
      );
    }
  });
}

/** Who an entry is by, and its body and dates as they are kept here. */
async function entryBasics(entry: EntryRecord, context: EntryContext) {
  const authorId = (entry.authorId && context.authors.get(entry.authorId)) || (await context.fallbackAuthorId());
  const bodyHtml = importedBody(entry.bodyHtml, context.addresses.newAddress);
  const updatedAt = entry.updatedAt ?? entry.publishedAt ?? new Date();
  const createdAt = entry.publishedAt && entry.publishedAt < updatedAt ? entry.publishedAt : updatedAt;
  return { authorId, bodyHtml, updatedAt, createdAt };
}

async function postRow(
  entry: EntryRecord,
  placement: Placement,
  context: EntryContext,
): Promise<Parameters<typeof insertPosts>[1][number]> {
  const { authorId, bodyHtml, updatedAt, createdAt } = await entryBasics(entry, context);
  const labels = entry.labels.flatMap((label) => context.labelNames.get(label) ?? []);
  return {
    post: {
      title: entry.title || placement.slug,
      slug: placement.slug,
      excerpt: commentText(entry.excerpt),
      bodyHtml,
      status: entry.status === 'deleted' ? 'draft' : entry.status,
      publishedAt: entry.status === 'draft' ? null : (entry.publishedAt ?? updatedAt),
      commentsMode: entry.commentsClosed ? 'closed' : 'site',
      // A story already out on the old site is no news to followers: only scheduled ones are mailed when they go out.
      emailFollowers: entry.status !== 'published',
      authorId,
      createdAt,
      updatedAt,
    },
    labels: { names: [...new Set(labels)], create: true },
  };
}

async function importPage(
  tx: Database,
  entry: EntryRecord,
  placement: Placement,
  context: EntryContext,
): Promise<number> {
  const { authorId, bodyHtml, updatedAt, createdAt } = await entryBasics(entry, context);
  const published = entry.status === 'published';
  return writePage(tx, {
    title: entry.title || placement.slug,
    slug: placement.slug,
    bodyHtml,
    status: published ? 'published' : 'draft',
    publishedAt: published ? (entry.publishedAt ?? updatedAt) : null,
    authorId,
    createdAt,
    updatedAt,
  });
}
