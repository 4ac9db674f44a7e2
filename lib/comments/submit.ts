import 'server-only';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import { commentChain, readCommentChecks } from '@/db/queries/comment-checks';
import { getSiteSettings, type PublicSettings } from '@/db/queries/settings';
import { comments } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { mailEnabled } from '@/lib/mail';
import { takeSlots, type Limit, type LimitedKey } from '@/lib/rate-limit';
import { checkFormToken } from './form-token';
import { commentMessages } from './messages';
import { decide, MAX_COMMENT_LENGTH, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from './rules';
import { askForReplies, queueReplyMails } from './reply-mail';
import { replyParent } from './thread';

const { form: formMessages, refused } = commentMessages;
const TEN_MINUTES = 10 * 60 * 1000;
export const commentLimits = {
  ip: { bucket: 'comment:ip', max: 5, windowMs: TEN_MINUTES },
  email: { bucket: 'comment:email', max: 5, windowMs: TEN_MINUTES },
} satisfies Record<string, Limit>;

const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v),
  z.coerce.number().int().positive().optional(),
);

export const commentFormSchema = z.object({
  postId: z.coerce.number().int().positive(),
  parentId: optionalId,
  name: z.string().trim().max(MAX_NAME_LENGTH, formMessages.nameTooLong).default(''),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(MAX_EMAIL_LENGTH)
    .refine((email) => email === '' || z.email().safeParse(email).success, formMessages.invalidEmail)
    .default(''),
  body: z
    .string()
    .trim()
    .min(2, formMessages.emptyBody)
    .superRefine((body, ctx) => {
      if (body.length <= MAX_COMMENT_LENGTH) return;
      ctx.addIssue({ code: 'custom', message: formMessages.bodyTooLong(MAX_COMMENT_LENGTH, body.length) });
    }),
  // "Email me replies": a checkbox, sent only when ticked.
  notifyReplies: z
    .literal('yes')
    .optional()
    .catch(undefined)
    .transform((ticked) => ticked === 'yes'),
  // A field people never see: only bots fill it in.
  website: z.string().default(''),
  token: z.string().default(''),
});
export type CommentForm = z.infer<typeof commentFormSchema>;

export type SubmitResult =
  | {
      ok: true;
      status: 'approved' | 'pending';
      /** Null for a bot caught by the honeypot: it is told its comment is held, and nothing is kept. */
      commentId: number | null;
      post: { id: number; slug: string; publishedAt: Date };
    }
  | { ok: false; message: string; field?: string; freshToken?: true };

/**
 * `seenStamp`: the signed time the comment section was shown (a cookie set by /api/comments/seen);
 * `provenCommentIds`: the comments this browser proves it wrote (lib/comments/commenter-proof.ts); `settings`: the
 * site's settings when the caller has them (the action's cached read), else they are read here.
 */
type Context = {
  ipHash: string;
  staff: CurrentUser | null;
  now: Date;
  seenStamp?: string;
  provenCommentIds?: number[];
  settings?: PublicSettings;
};

/**
 * Takes a reader's comment through the spam defences and the moderation rules, and stores it (or says why not).
 * Held and rejected comments keep their reason for the moderators. The database hears one read (every check at
 * once), one more for a reply (where it nests), and one transaction that takes the commenter's slots under the
 * limits and stores the comment: a rush queues behind as little as it can.
 */
export async function submitComment(
  db: Database,
  form: CommentForm,
  { ipHash, staff, now, seenStamp, provenCommentIds = [], settings: known }: Context,
): Promise<SubmitResult> {
  const isStaff = Boolean(staff && can(staff.role, 'dashboard:view'));
  const name = isStaff ? staff!.name : form.name;
  const email = isStaff ? staff!.email : form.email || null;
  const [found, settings] = await Promise.all([
    readCommentChecks(db, {
      postId: form.postId,
      parentId: form.parentId,
      body: form.body,
      email,
      ipHash,
      provenCommentIds,
      since: new Date(now.getTime() - 24 * 60 * 60 * 1000),
    }),
    known ?? getSiteSettings(db),
  ]);
  if (!found) return { ok: false, message: refused.noComments };
  const { post, checks } = found;
  if (!checks.parentApproved) return { ok: false, message: refused.parentGone };
  if (!name) return { ok: false, field: 'name', message: formMessages.nameRequired };
  if (!email && settings.requireEmail) return { ok: false, field: 'email', message: formMessages.emailRequired };
  if (!email && form.notifyReplies) return { ok: false, field: 'email', message: formMessages.emailForReplies };

  // Every comment stored from outside the newsroom takes a slot per network and per email, atomically with its
  // insert; staff are not limited.
  const limitedKeys: LimitedKey[] = isStaff
    ? []
    : [[commentLimits.ip, ipHash], ...(email ? [[commentLimits.email, email] as const] : [])];
  if (form.website) {
    // Bots get the answer a person would, and count against the limits like one; nothing is kept or announced.
    await takeSlots(db, limitedKeys, now);
    return { ok: true, status: 'pending', commentId: null, post };
  }
  if (!isStaff) {
    // COMMENT_MIN_SECONDS, when set (the e2e server sets 0), overrides the site's setting.
    const minSeconds = env().COMMENT_MIN_SECONDS ?? settings.minSubmitSeconds;
    const shownLongEnoughAgo = [form.token, seenStamp].some(
      (stamp) => checkFormToken(stamp, minSeconds, now.getTime()) === 'ok',
    );
    if (!shownLongEnoughAgo) return { ok: false, freshToken: true, message: refused.pressAgain };
  }
  if (checks.duplicate) return { ok: false, message: refused.duplicate };

  const decision = decide(
    {
      body: form.body,
      email,
      isStaff,
      knownCommenter: Boolean(email) && checks.knownCommenter,
      blockedEmail: checks.blockedEmail,
      blockedIp: checks.blockedIp,
      post,
      now,
    },
    settings,
  );
  if (decision.outcome === 'rejected' && decision.reason === 'comments closed') {
    return { ok: false, message: decision.message };
  }
  // Replies nest only so deep: one to the deepest level joins that level (and still names the one it answers).
  const parentId = form.parentId ? replyParent(await commentChain(db, form.parentId), settings.maxReplyDepth) : null;
  const row = {
    postId: post.id,
    parentId,
    replyToId: parentId === null ? null : form.parentId,
    authorName: name,
    authorEmail: email,
    body: form.body,
    ipHash,
    createdAt: now,
    status: decision.outcome,
    reason: decision.reason,
    authorUserId: isStaff && decision.outcome !== 'rejected' ? staff!.id : null,
    notifyReplies: form.notifyReplies,
  };
  const stored = await takeSlots(db, limitedKeys, now, async (tx) => {
    const [inserted] = await tx.insert(comments).values(row).returning({ id: comments.id });
    return inserted.id;
  });
  if (stored.limited) return { ok: false, message: refused.tooMany(Math.ceil(stored.retryAfterMs / 60_000)) };
  if (decision.outcome === 'rejected') {
    return {
      ok: false,
      field: decision.reason.startsWith('blocked word') ? 'body' : undefined,
      message: decision.message,
    };
  }
  // The first time an address asks for replies it is mailed a link to confirm; a reply published at once is mailed
  // (by a job) to its parent's author if they asked.
  if (form.notifyReplies && email && mailEnabled()) await askForReplies(db, email, settings.title, now);
  if (decision.outcome === 'approved' && row.parentId) await queueReplyMails(db, [stored.written]);
  return { ok: true, status: decision.outcome, commentId: stored.written, post };
}
