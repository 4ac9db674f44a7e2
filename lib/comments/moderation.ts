import 'server-only';
import { and, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { commentsByIds } from '@/db/queries/moderation';
import {
  blockedCommenters,
  commentReports,
  comments,
  moderationAction,
  moderationLog,
  moderatorMail,
  posts,
  users,
  type commentStatus,
} from '@/db/schema';
import { can, roles } from '@/lib/auth/permissions';
import { sendMail } from '@/lib/mail';
import { takeSlots } from '@/lib/rate-limit';
import { onShutdown } from '@/lib/shutdown';
import { commentMessages } from './messages';
import { queueReplyMails } from './reply-mail';

export type ModerationAction = (typeof moderationAction.enumValues)[number];
/** What a moderator decides about the selected comments; blocking a commenter has buttons of its own. */
export type ModerationDecision = Exclude<ModerationAction, `block_${string}`>;
export const decisions = moderationAction.enumValues.filter(
  (action): action is ModerationDecision => !action.startsWith('block_'),
);

const nextStatus = {
  approve: 'approved',
  reject: 'rejected',
  spam: 'spam',
  restore: 'pending',
} as const satisfies Record<Exclude<ModerationDecision, 'delete'>, (typeof commentStatus.enumValues)[number]>;
/** The decisions that change a comment's status, and so can be undone. */
const undoable = Object.keys(nextStatus) as (keyof typeof nextStatus)[];

/**
 * Applies one moderator decision to many comments at once, resolves their open reports, and writes the audit log.
 * Returns the posts whose public comment lists changed, for revalidation.
 */
export async function moderate(
  db: Database,
  actorId: string,
  ids: number[],
  decision: ModerationDecision,
  note = '',
): Promise<{ postIds: number[] }> {
  const targets = await commentsByIds(db, ids);
  if (targets.length === 0) return { postIds: [] };
  const targetIds = targets.map((t) => t.id);
  // One instant for the log and the reports it resolves, so an undo can reopen exactly those reports.
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(moderationLog).values(
      targets.map((t) => ({
        commentId: decision === 'delete' ? null : t.id,
        actorId,
        action: decision,
        previousStatus: decision === 'delete' ? null : t.status,
        detail: note || `comment ${t.id} was ${t.status}`,
        createdAt: now,
      })),
    );
    await tx
      .update(commentReports)
      .set({ resolvedAt: now })
      .where(and(inArray(commentReports.commentId, targetIds), isNull(commentReports.resolvedAt)));
    if (decision === 'delete') await tx.delete(comments).where(inArray(comments.id, targetIds));
    else await tx.update(comments).set({ status: nextStatus[decision] }).where(inArray(comments.id, targetIds));
  });
  // Approved replies are mailed to their parents' authors who asked, by a job: the moderator never waits for SMTP.
  if (decision === 'approve') await queueReplyMails(db, targetIds);
  // Any change to an approved comment, or a comment becoming approved, changes what readers see.
  const touched = targets.filter((t) => t.status === 'approved' || decision === 'approve');
  return { postIds: [...new Set(touched.map((t) => t.postId))] };
}

/**
 * Takes back the moderator's latest decision about one comment (the queue's "Undo"): the comment returns to the
 * status the log recorded before it, and the reports that decision resolved open again. Refused (null) when the
 * latest decision about the comment is someone else's, or the comment has changed since.
 */
export async function undoDecision(
  db: Database,
  actorId: string,
  commentId: number,
): Promise<{ postIds: number[] } | null> {
  const [last] = await db
    .select()
    .from(moderationLog)
    .where(and(eq(moderationLog.commentId, commentId), inArray(moderationLog.action, undoable)))
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(1);
  const [target] = await commentsByIds(db, [commentId]);
  if (!last || !target || last.actorId !== actorId || !last.previousStatus) return null;
  const decision = last.action as (typeof undoable)[number];
  if (target.status !== nextStatus[decision]) return null;
  const previous = last.previousStatus;
  await db.transaction(async (tx) => {
    await tx.insert(moderationLog).values({
      commentId,
      actorId,
      action: 'restore',
      previousStatus: target.status,
      detail: `undid “${decision}”: comment ${commentId} back to ${previous}`,
    });
    await tx
      .update(commentReports)
      .set({ resolvedAt: null })
      .where(and(eq(commentReports.commentId, commentId), eq(commentReports.resolvedAt, last.createdAt)));
    await tx.update(comments).set({ status: previous }).where(eq(comments.id, commentId));
  });
  if (previous === 'approved') await queueReplyMails(db, [commentId]);
  const readersSeeIt = target.status === 'approved' || previous === 'approved';
  return { postIds: readersSeeIt ? [target.postId] : [] };
}

/** Blocks the email or the network of a comment's author; their future comments are refused. */
export async function blockCommenter(
  db: Database,
  actorId: string,
  commentId: number,
  kind: 'email' | 'ip',
): Promise<string | null> {
  const [target] = await commentsByIds(db, [commentId]);
  const value = kind === 'email' ? target?.authorEmail : target?.ipHash;
  if (!target || !value) return null;
  await db.insert(blockedCommenters).values({ kind, value, createdBy: actorId }).onConflictDoNothing();
  await db.insert(moderationLog).values({
    commentId,
    actorId,
    action: kind === 'email' ? 'block_email' : 'block_ip',
    detail: kind === 'email' ? `blocked ${value}` : 'blocked the commenter’s network',
  });
  return value;
}

const reportLimit = { bucket: 'report:ip', max: 10, windowMs: 60 * 60 * 1000 };

/** A reader flags an approved comment for the Reported queue; one network may send 10 reports an hour. */
export async function reportComment(
  db: Database,
  { commentId, reason, ipHash }: { commentId: number; reason: string; ipHash: string },
): Promise<'reported' | 'limited' | 'not-found'> {
  const [target] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.status, 'approved')));
  if (!target) return 'not-found';
  const slot = await takeSlots(db, [[reportLimit, ipHash]], new Date(), async (tx) => {
    await tx.insert(commentReports).values({ commentId, reason });
  });
  return slot.limited ? 'limited' : 'reported';
}

const moderatorRoles = roles.filter((role) => can(role, 'comments:moderate'));
/** Moderators get at most one mail about held comments per this long, however many arrive. */
export const MODERATOR_MAIL_INTERVAL_MS = 5 * 60 * 1000;
const NEWEST_IN_MAIL = 5;

/**
 * Mails everyone who may moderate (and is still active) what is waiting, when comments were held since the last
 * such mail and that mail is at least MODERATOR_MAIL_INTERVAL_MS old. Called after a comment is held and on every
 * scheduler tick (which sends what arrived while the last mail was too recent). Claiming the send is a
 * compare-and-set on the time of the last mail, so two instances never both send. Returns whether it mailed.
 */
export async function notifyModerators(db: Database, now = new Date()): Promise<boolean> {
  const [last] = await db.select().from(moderatorMail).where(eq(moderatorMail.kind, 'held'));
  if (last && now.getTime() - last.sentAt.getTime() < MODERATOR_MAIL_INTERVAL_MS) return false;
  const pending = and(eq(comments.status, 'pending'), last ? gt(comments.createdAt, last.sentAt) : undefined);
  const [fresh] = await db.select({ id: comments.id }).from(comments).where(pending).limit(1);
  if (!fresh) return false;
  const claimed = await db
    .insert(moderatorMail)
    .values({ kind: 'held', sentAt: now })
    .onConflictDoUpdate({
      target: moderatorMail.kind,
      set: { sentAt: now },
      setWhere: last ? eq(moderatorMail.sentAt, last.sentAt) : sql`false`,
    })
    .returning({ kind: moderatorMail.kind });
  if (claimed.length === 0) return false;

  const [{ waiting }] = await db.select({ waiting: count() }).from(comments).where(eq(comments.status, 'pending'));
  const newest = await db
    .select({ authorName: comments.authorName, body: comments.body, postTitle: posts.title })
    .from(comments)
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.status, 'pending'))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(NEWEST_IN_MAIL);
  const moderators = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.role, moderatorRoles), isNull(users.deactivatedAt)));
  await sendMail({
    to: moderators.map((m) => m.email),
    ...commentMessages.moderators.heldMail(Number(waiting), newest),
  });
  return true;
}

/** How often one process looks whether moderators are due a mail as comments are held; the sweep covers the rest. */
const HELD_CHECK_INTERVAL_MS = 30_000;
let lastHeldCheck = Number.NEGATIVE_INFINITY;
let heldCheck: Promise<unknown> = Promise.resolve();
// The comment was answered before this look: a stop lets a mail under way finish before the connections close.
onShutdown('moderators mail', () => heldCheck.then(() => undefined));

/**
 * After a comment is held: notifyModerators, at most once per 30 seconds in this process, so that a rush of held
 * comments costs the database one look, not one per comment. A comment held in between is announced by the next
 * look or the scheduler's sweep (every five minutes, the same as the mail's own interval).
 */
export async function notifyModeratorsSoon(db: Database, now = new Date()): Promise<void> {
  if (now.getTime() - lastHeldCheck < HELD_CHECK_INTERVAL_MS) return;
  lastHeldCheck = now.getTime();
  const check = notifyModerators(db, now);
  heldCheck = check.catch(() => undefined);
  await check;
}
