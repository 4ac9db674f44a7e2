import 'server-only';
import { eq } from 'drizzle-orm';
import { importItems } from '@/db/schema';
import type { Database } from '@/lib/db';

export type ItemKind = (typeof importItems.$inferSelect)['kind'];

/** What earlier imports of this source made: per kind, the source's id → ours. */
export type KnownItems = Record<ItemKind, Map<string, string>>;

export async function knownItems(db: Database, sourceKey: string): Promise<KnownItems> {
  const known: KnownItems = {
    author: new Map(),
    label: new Map(),
    post: new Map(),
    page: new Map(),
    comment: new Map(),
  };
  const rows = await db
    .select({ kind: importItems.kind, externalId: importItems.externalId, entityId: importItems.entityId })
    .from(importItems)
    .where(eq(importItems.sourceKey, sourceKey));
  for (const row of rows) known[row.kind].set(row.externalId, row.entityId);
  return known;
}

/** Records what an item became, in the transaction that made it: the next import of the file skips it. */
export async function rememberItem(
  tx: Database,
  known: KnownItems,
  sourceKey: string,
  kind: ItemKind,
  externalId: string,
  entityId: string | number,
): Promise<void> {
  await tx.insert(importItems).values({ sourceKey, kind, externalId, entityId: String(entityId) });
  known[kind].set(externalId, String(entityId));
}

/** rememberItem for many items of one kind at once (one statement). */
export async function rememberItems(
  tx: Database,
  known: KnownItems,
  sourceKey: string,
  kind: ItemKind,
  items: { externalId: string; entityId: string | number }[],
): Promise<void> {
  if (items.length === 0) return;
  await tx
    .insert(importItems)
    .values(items.map(({ externalId, entityId }) => ({ sourceKey, kind, externalId, entityId: String(entityId) })));
  for (const { externalId, entityId } of items) known[kind].set(externalId, String(entityId));
}
