import 'server-only';
import { and, eq, exists, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getSiteSettings } from '@/db/queries/settings';
import { comments, moderationLog, posts, replyFollowers, replySends } from '@/db/schema';
import type { Database } from '@/lib/db';
import { env } from '@/lib/env';
import { enqueue } from '@/lib/jobs/queue';
import { deliver, mailEnabled, sendMailInBackground, type Delivery, type Mail } from '@/lib/mail';
import { hashConfirmToken, newConfirmToken } from '@/lib/subscribers/links';
import { commentAddress } from './comment-address';
import { commentMessages } from './messages';
import { replyConfirmUrl, replyOneClickUrl, replyStopUrl } from './reply-links';

const HOUR = 60 * 60 * 1000;
export const REPLY_CONFIRM_HOURS = 48;
/** Tries a temporary (4xx) failure gets, over the job's retries, before it counts as failed. */
const MAX_ATTEMPTS = 5;

/**
 * A comment ticked "Email me replies": a confirmed address needs nothing more; a new, waiting or unsubscribed one
 * is mailed a confirmation link (48 hours), as a subscription is. Returns what was done, for tests.
 */
export async function askForReplies(
  db: Database,
  email: string,
  siteTitle: string,
  now = new Date(),
): Promise<'confirmed' | 'mailed'> {
  const { token, hash } = newConfirmToken();
  const pending = {
    status: 'pending' as const,
    confirmTokenHash: hash,
    confirmExpiresAt: new Date(now.getTime() + REPLY_CONFIRM_HOURS * HOUR),
  };
  // Only an address not yet confirmed gets a fresh token: a confirmed one is left as it is.
  const [written] = await db
    .insert(replyFollowers)
    .values({ email, ...pending, createdAt: now })
    .onConflictDoUpdate({
      target: replyFollowers.email,
      set: pending,
      setWhere: inArray(replyFollowers.status, ['pending', 'unsubscribed']),
    })
    .returning({ id: replyFollowers.id });
  if (!written) return 'confirmed';
  const { confirmMail } = commentMessages.replyMail;
  sendMailInBackground({
    to: [email],
    subject: confirmMail.subject(siteTitle),
    text: confirmMail.text(siteTitle, replyConfirmUrl(token)),
  });
  return 'mailed';
}

/** The confirmation page's button: confirms within the link's 48 hours, once. The follower's id, or null. */
export async function confirmReplies(db: Database, token: string, now = new Date()): Promise<number | null> {
  const [row] = await db
    .update(replyFollowers)
    .set({ status: 'confirmed', confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null })
    .where(
      and(
        eq(replyFollowers.confirmTokenHash, hashConfirmToken(token)),
        eq(replyFollowers.status, 'pending'),
        gt(replyFollowers.confirmExpiresAt, now),
      ),
    )
    .returning({ id: replyFollowers.id });
  return row?.id ?? null;
}

/** Stops every reply mail to the follower's address (a later tick asks for confirmation again). */
export async function stopReplies(db: Database, id: number): Promise<boolean> {
  const rows = await db
    .update(replyFollowers)
    .set({ status: 'unsubscribed', confirmTokenHash: null, confirmExpiresAt: null })
    .where(eq(replyFollowers.id, id))
    .returning({ id: replyFollowers.id });
  return rows.length > 0;
}

/** Whether a follower's link still names an address (for its page). */
export async function replyFollowerStatus(db: Database, id: number) {
  const [row] = await db
    .select({ status: replyFollowers.status })
    .from(replyFollowers)
    .where(eq(replyFollowers.id, id));
  return row?.status ?? null;
}

const parents = alias(comments, 'parent');
/** The comment a reply answers: reply_to_id, or its parent for replies stored before that column. */
const answered = sql`coalesce(${comments.replyToId}, ${comments.parentId})`;

/**
 * "Forget me" for reply mail: the follower's row goes, with the record of every reply mail sent to the address
 * (reply_sends of replies to its comments), and its comments no longer ask for replies, so no later approval mails
 * it and no trace of the address is left but the comments themselves, which stay. False when the link named no
 * follower (already forgotten).
 */
export async function forgetReplyFollower(db: Database, id: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [follower] = await tx
      .delete(replyFollowers)
      .where(eq(replyFollowers.id, id))
      .returning({ email: replyFollowers.email });
    if (!follower) return false;
    // Addresses are stored lower-cased on both sides (the comment form's, and reply_followers' check), and the mail
    // matched them as stored: the same match finds every row it wrote.
    const sentToThem = tx
      .select({ id: replySends.replyId })
      .from(replySends)
      .innerJoin(comments, eq(comments.id, replySends.replyId))
      .innerJoin(parents, eq(parents.id, answered))
      .where(eq(parents.authorEmail, follower.email));
    await tx.delete(replySends).where(inArray(replySends.replyId, sentToThem));
    await tx
      .update(comments)
      .set({ notifyReplies: false })
      .where(and(eq(comments.authorEmail, follower.email), eq(comments.notifyReplies, true)));
    return true;
  });
}

/**
 * After comments were approved (by a moderator, an undo, or at once by the rules): queues one 'email-reply' job per
 * approved reply whose parent's author asked for replies. The job mails, so approving never waits for SMTP.
 */
export async function queueReplyMails(db: Database, commentIds: number[]): Promise<number> {
  if (!mailEnabled() || commentIds.length === 0) return 0;
  const replies = await db
    .select({ id: comments.id })
    .from(comments)
    .innerJoin(parents, eq(parents.id, answered))
    .where(
      and(
        inArray(comments.id, commentIds),
        eq(comments.status, 'approved'),
        eq(parents.notifyReplies, true),
        isNotNull(parents.authorEmail),
      ),
    );
  for (const { id } of replies) await enqueue('email-reply', { replyId: id }, { singletonKey: `email-reply:${id}` });
  return replies.length;
}

/**
 * For the scheduler's sweep: queues the mail of replies approved in the last hour that have none, though their
 * answered comment's author asked and confirmed (the server stopped between approving and queueing, or the queue
 * refused the job). Approved by a moderator (the moderation log says when) or on arrival (their creation).
 */
export async function queueMissedReplyMails(db: Database, now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const since = new Date(now.getTime() - HOUR);
  const missed = await db
    .select({ id: comments.id })
    .from(comments)
    .innerJoin(parents, eq(parents.id, answered))
    .innerJoin(
      replyFollowers,
      and(eq(replyFollowers.email, parents.authorEmail), eq(replyFollowers.status, 'confirmed')),
    )
    .leftJoin(replySends, eq(replySends.replyId, comments.id))
    .where(
      and(
        eq(comments.status, 'approved'),
        eq(parents.notifyReplies, true),
        isNull(replySends.replyId),
        sql`lower(coalesce(${comments.authorEmail}, '')) <> ${replyFollowers.email}`,
        or(
          gt(comments.createdAt, since),
          exists(
            db
              .select({ one: sql`1` })
              .from(moderationLog)
              .where(and(eq(moderationLog.commentId, comments.id), gt(moderationLog.createdAt, since))),
          ),
        ),
      ),
    );
  return queueReplyMails(
    db,
    missed.map((reply) => reply.id),
  );
}

export type ReplyMailOutcome = 'sent' | 'skipped' | 'already' | 'failed' | 'deferred';

/**
 * The 'email-reply' job: mails the parent's author about one approved reply, if they asked and confirmed, and the
 * reply is not their own. The reply's row in reply_sends is claimed (inserted; the primary key refuses a second)
 * before the mail goes, so retries, a second approval after an undo, or two instances never send it twice. A
 * deferred (4xx) delivery is claimed again by the job's next try.
 */
export async function sendReplyMail(
  db: Database,
  replyId: number,
  { send = deliver, now = new Date() }: { send?: (mail: Mail) => Promise<Delivery>; now?: Date } = {},
): Promise<ReplyMailOutcome> {
  const [found] = await db
    .select({
      status: comments.status,
      authorName: comments.authorName,
      authorEmail: comments.authorEmail,
      body: comments.body,
      parentEmail: parents.authorEmail,
      parentBody: parents.body,
      notify: parents.notifyReplies,
      post: {
        id: posts.id,
        slug: posts.slug,
        title: posts.title,
        publishedAt: posts.publishedAt,
        status: posts.status,
      },
    })
    .from(comments)
    .innerJoin(parents, eq(parents.id, answered))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.id, replyId));
  if (!found || found.status !== 'approved' || !found.notify || !found.parentEmail) return 'skipped';
  if (found.post.status !== 'published' || !found.post.publishedAt) return 'skipped';
  // Never a mail about one's own reply.
  if (found.authorEmail?.toLowerCase() === found.parentEmail.toLowerCase()) return 'skipped';
  const [follower] = await db
    .select({ id: replyFollowers.id })
    .from(replyFollowers)
    .where(and(eq(replyFollowers.email, found.parentEmail), eq(replyFollowers.status, 'confirmed')));
  if (!follower) return 'skipped';

  const [claimed] = await db
    .insert(replySends)
    .values({ replyId, status: 'claimed', attempts: 1, claimedAt: now })
    .onConflictDoUpdate({
      target: replySends.replyId,
      set: { status: 'claimed', attempts: sqlIncrement(), claimedAt: now },
      setWhere: eq(replySends.status, 'deferred'),
    })
    .returning({ attempts: replySends.attempts });
  if (!claimed) return 'already';

  const settings = await getSiteSettings(db);
  const post = { ...found.post, publishedAt: found.post.publishedAt };
  const address = await commentAddress(db, { post, commentId: replyId, settings });
  const mail = replyMail({
    siteTitle: settings.title,
    to: found.parentEmail,
    followerId: follower.id,
    postTitle: found.post.title,
    replyAuthor: found.authorName,
    replyBody: found.body,
    parentBody: found.parentBody,
    url: `${env().SITE_URL}${address}`,
  });
  const delivery = await send(mail);
  if (delivery.ok) {
    await db
      .update(replySends)
      .set({ status: 'sent', sentAt: new Date(), error: null })
      .where(eq(replySends.replyId, replyId));
    return 'sent';
  }
  const giveUp = delivery.permanent || claimed.attempts >= MAX_ATTEMPTS;
  await db
    .update(replySends)
    .set({ status: giveUp ? 'failed' : 'deferred', error: delivery.reason })
    .where(eq(replySends.replyId, replyId));
  return giveUp ? 'failed' : 'deferred';
}

function sqlIncrement() {
  return sql`${replySends.attempts} + 1`;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const excerpt = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

type ReplyMailInput = {
  siteTitle: string;
  to: string;
  followerId: number;
  postTitle: string;
  replyAuthor: string;
  replyBody: string;
  parentBody: string;
  url: string;
};

/**
 * The mail about one reply: who replied, an excerpt, a link to the reply on the site, and the follower's own
 * unsubscribe (a body link to a page with a button, and List-Unsubscribe for the provider's one-click button).
 * Everything a reader wrote is escaped in the HTML part; nodemailer encodes the subject, so no CR or LF in a name
 * can start a header.
 */
export function replyMail(input: ReplyMailInput): Mail {
  const words = commentMessages.replyMail;
  // A name is one line wherever it goes (a CR or LF in it starts nothing, in the headers or the text).
  const author = excerpt(input.replyAuthor, 80);
  const postTitle = excerpt(input.postTitle, 200);
  const reply = excerpt(input.replyBody, 500);
  const yours = excerpt(input.parentBody, 160);
  const stop = replyStopUrl(input.followerId);
  const text = [
    words.intro(author, postTitle),
    '',
    `${words.yours}: “${yours}”`,
    '',
    reply,
    '',
    `${words.read}: ${input.url}`,
    '',
    '--',
    words.why(input.siteTitle),
    `${words.stop}: ${stop}`,
  ].join('\n');
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="margin:0;padding:24px 12px;background:#f4f1ea;font-family:Georgia,'Times New Roman',serif;color:#1a1a1a">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;margin:0 auto">
<tr><td style="padding:24px">
<p style="margin:0 0 12px">${escape(words.intro(author, postTitle))}</p>
<p style="margin:0 0 12px;color:#555;font-size:14px">${escape(words.yours)}: “${escape(yours)}”</p>
<blockquote style="margin:0 0 16px;padding:0 0 0 12px;border-left:3px solid #8b1a1a;white-space:pre-wrap">${escape(reply)}</blockquote>
<p style="margin:0 0 16px"><a href="${escape(input.url)}" style="color:#8b1a1a">${escape(words.read)}</a></p>
<p style="margin:0;font-size:12px;color:#555">${escape(words.why(input.siteTitle))} <a href="${escape(stop)}" style="color:#555">${escape(words.stop)}</a></p>
</td></tr></table>
</body></html>`;
  return {
    to: [input.to],
    subject: words.subject(author, postTitle),
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${replyOneClickUrl(input.followerId)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
