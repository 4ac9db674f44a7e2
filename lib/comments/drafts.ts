import 'server-only';
import { and, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { commentDrafts } from '@/db/schema';

const DRAFT_LIFETIME_MS = 60 * 60 * 1000;

type Draft = Pick<typeof commentDrafts.$inferInsert, 'postId' | 'message' | 'fieldErrors' | 'values'>;

/** Keeps a comment that could not be taken, for the page a reader without JavaScript is sent to; returns its id. */
export async function saveDraft(db: Database, draft: Draft): Promise<string> {
  const [row] = await db.insert(commentDrafts).values(draft).returning({ id: commentDrafts.id });
  return row.id;
}

/** A kept draft of a comment (see commentDrafts), if the id is real and under an hour old. */
export async function getDraft(db: Database, id: string, now = new Date()) {
  if (!z.uuid().safeParse(id).success) return null;
  const [draft] = await db
    .select()
    .from(commentDrafts)
    .where(and(eq(commentDrafts.id, id), gte(commentDrafts.createdAt, new Date(now.getTime() - DRAFT_LIFETIME_MS))));
  return draft ?? null;
}

export async function discardDraft(db: Database, id: string): Promise<void> {
  if (z.uuid().safeParse(id).success) await db.delete(commentDrafts).where(eq(commentDrafts.id, id));
}

export async function pruneDrafts(db: Database, now = new Date()): Promise<void> {
  await db.delete(commentDrafts).where(lt(commentDrafts.createdAt, new Date(now.getTime() - DRAFT_LIFETIME_MS)));
}
