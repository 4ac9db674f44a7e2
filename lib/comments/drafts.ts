import 'server-only';
import { and, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { commentDrafts } from '@/db/schema';
import { takeSlots } from '@/lib/rate-limit';
import { MAX_COMMENT_LENGTH, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from './rules';
import { commentLimits } from './submit';

const DRAFT_LIFETIME_MS = 60 * 60 * 1000;

type Draft = Pick<typeof commentDrafts.$inferInsert, 'postId' | 'message' | 'fieldErrors' | 'values'>;

/**
 * The comment form's own fields, each with the longest value kept: a request may carry any fields of any size (up
 * to the server's body limit), and a draft is stored, then sent back twice by its page. The honeypot and the stamp
 * are never kept; the draft's own id comes from its page.
 */
const draftFields = {
  postId: 20,
  parentId: 20,
  name: MAX_NAME_LENGTH,
  email: MAX_EMAIL_LENGTH,
  body: MAX_COMMENT_LENGTH,
  notifyReplies: 3,
} as const;

/** What a refused comment form gets back: only its own fields, each cut to its limit. */
export function draftValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, max] of Object.entries(draftFields)) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value.slice(0, max);
  }
  return values;
}

/**
 * Keeps a comment that could not be taken, for the page a reader without JavaScript is sent to; returns its id.
 * Each draft takes a slot of the commenter's per-network comment limit, so drafts cannot be written without end:
 * null when the limit is reached (nothing is kept).
 */
export async function saveDraft(db: Database, draft: Draft, ipHash: string, now = new Date()): Promise<string | null> {
  if ((await takeSlots(db, [[commentLimits.ip, ipHash]], now)).limited) return null;
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
