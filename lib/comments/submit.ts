import 'server-only';
import { z } from 'zod';
import type { Database } from '@/lib/db';
import {
  blockedKinds,
  commentChain,
  getCommentablePost,
  hasApprovedCommentAmong,
  isApprovedCommentOf,
  isDuplicate,
} from '@/db/queries/comment-checks';
import { getSiteSettings } from '@/db/queries/settings';
import { comments } from '@/db/schema';
import type { CurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { checkLimits, recordEvents, takeSlots, type Limit, type LimitedKey } from '@/lib/rate-limit';
import { checkFormToken } from './form-token';
import { commentMessages } from './messages';
import { decide, MAX_COMMENT_LENGTH, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from './rules';
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
 * `provenCommentIds`: the comments this browser proves it wrote (lib/comments/commenter-proof.ts).
 */
type Context = {
  ipHash: string;
  staff: CurrentUser | null;
  now: Date;
  seenStamp?: string;
  provenCommentIds?: number[];
};

/**
 * Takes a reader's comment through the spam defences and the moderation rules, and stores it (or says why not).
 * Held and rejected comments keep their reason for the moderators.
 */
export async function submitComment(
  db: Database,
  form: CommentForm,
  { ipHash, staff, now, seenStamp, provenCommentIds = [] }: Context,
): Promise<SubmitResult> {
  const post = await getCommentablePost(db, form.postId);
  if (!post) return { ok: false, message: refused.noComments };
  if (form.parentId && !(await isApprovedCommentOf(db, form.parentId, post.id))) {
    return { ok: false, message: refused.parentGone };
  }
  const settings = await getSiteSettings(db);
  const isStaff = Boolean(staff && can(staff.role, 'dashboard:view'));
  const name = isStaff ? staff!.name : form.name;
  const email = isStaff ? staff!.email : form.email || null;
  if (!name) return { ok: false, field: 'name', message: formMessages.nameRequired };
  if (!email && settings.requireEmail) return { ok: false, field: 'email', message: formMessages.emailRequired };

  const limitedKeys: LimitedKey[] = [
    [commentLimits.ip, ipHash],
    ...(email ? [[commentLimits.email, email] as const] : []),
  ];
  if (form.website) {
    // Bots get the answer a person would, and count against the limits like one; nothing is kept or announced.
    await takeSlots(db, limitedKeys, now);
    return { ok: true, status: 'pending', commentId: null, post };
  }
  const base = {
    postId: post.id,
    // Replies nest only so deep: one to the deepest level joins that level.
    parentId: form.parentId ? replyParent(await commentChain(db, form.parentId), settings.maxReplyDepth) : null,
    authorName: name,
    authorEmail: email,
    body: form.body,
    ipHash,
    createdAt: now,
  };
  if (!isStaff) {
    // COMMENT_MIN_SECONDS, when set (the e2e server sets 0), overrides the site's setting.
    const minSeconds = env().COMMENT_MIN_SECONDS ?? settings.minSubmitSeconds;
    const shownLongEnoughAgo = [form.token, seenStamp].some(
      (stamp) => checkFormToken(stamp, minSeconds, now.getTime()) === 'ok',
    );
    if (!shownLongEnoughAgo) return { ok: false, freshToken: true, message: refused.pressAgain };
    const state = await checkLimits(db, limitedKeys, now);
    if (state.limited) return { ok: false, message: refused.tooMany(Math.ceil(state.retryAfterMs / 60_000)) };
  }
  if (await isDuplicate(db, post.id, form.body, { email, ipHash }, new Date(now.getTime() - 24 * 60 * 60 * 1000))) {
    return { ok: false, message: refused.duplicate };
  }

  const blocked = await blockedKinds(db, email, ipHash);
  const decision = decide(
    {
      body: form.body,
      email,
      isStaff,
      knownCommenter: email ? await hasApprovedCommentAmong(db, email, provenCommentIds) : false,
      blockedEmail: blocked.email,
      blockedIp: blocked.ip,
      post,
      now,
    },
    settings,
  );
  if (decision.outcome === 'rejected') {
    if (decision.reason !== 'comments closed') {
      await db.insert(comments).values({ ...base, status: 'rejected', reason: decision.reason });
    }
    return {
      ok: false,
      field: decision.reason.startsWith('blocked word') ? 'body' : undefined,
      message: decision.message,
    };
  }
  const [row] = await db
    .insert(comments)
    .values({ ...base, status: decision.outcome, reason: decision.reason, authorUserId: isStaff ? staff!.id : null })
    .returning({ id: comments.id });
  if (!isStaff) await recordEvents(db, limitedKeys, now);
  return { ok: true, status: decision.outcome, commentId: row.id, post };
}
