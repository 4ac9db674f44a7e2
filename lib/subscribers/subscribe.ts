import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { getSiteSettings } from '@/db/queries/settings';
import { labels, subscriberLabels, subscribers } from '@/db/schema';
import { checkFormToken } from '@/lib/comments/form-token';
import type { Database } from '@/lib/db';
import { env } from '@/lib/env';
import { sendMailInBackground } from '@/lib/mail';
import { takeSlots, type Limit, type LimitedKey } from '@/lib/rate-limit';
import { confirmUrl, hashConfirmToken, newConfirmToken, preferencesUrl } from './links';
import { subscriberMessages } from './messages';

const HOUR = 60 * 60 * 1000;
export const CONFIRM_HOURS = 48;
export const followLimits = {
  ip: { bucket: 'follow:ip', max: 10, windowMs: HOUR },
  email: { bucket: 'follow:email', max: 3, windowMs: HOUR },
} satisfies Record<string, Limit>;

export const followFormSchema = z.object({
  // Lower-cased: one row per mailbox however it was typed. z.email refuses CR, LF and anything a header could hold.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, subscriberMessages.form.invalidEmail)
    .pipe(z.email(subscriberMessages.form.invalidEmail)),
  // The label page's form follows that label alone; the sidebar's, the whole site.
  label: z.string().trim().max(200).default(''),
  // The comment form's honeypot and stamp (lib/comments/form-token.ts).
  website: z.string().default(''),
  token: z.string().default(''),
});
export type FollowForm = z.infer<typeof followFormSchema>;

export type FollowOutcome =
  { status: 'accepted' } | { status: 'too-fast' } | { status: 'limited'; retryAfterMinutes: number };

/**
 * A reader asks to follow the site or a label. The answer is the same whether the address is new, waiting for
 * confirmation or already confirmed: a new or waiting address gets a confirmation link (48 hours), a confirmed one a
 * note with its preferences link. A bot that fills the honeypot is answered the same and counted, and nothing is
 * kept or mailed.
 */
export async function requestFollow(
  db: Database,
  form: FollowForm,
  { ipHash, now = new Date() }: { ipHash: string; now?: Date },
): Promise<FollowOutcome> {
  const settings = await getSiteSettings(db);
  const minSeconds = env().COMMENT_MIN_SECONDS ?? settings.minSubmitSeconds;
  if (!form.website && checkFormToken(form.token, minSeconds, now.getTime()) !== 'ok') return { status: 'too-fast' };
  const keys: LimitedKey[] = [
    [followLimits.ip, ipHash],
    [followLimits.email, form.email],
  ];
  const slots = await takeSlots(db, keys, now);
  if (slots.limited) return { status: 'limited', retryAfterMinutes: Math.ceil(slots.retryAfterMs / 60_000) };
  if (form.website) return { status: 'accepted' };

  const labelId = form.label ? await labelIdOf(db, form.label) : null;
  // An unknown label (a tampered form) follows nothing, and is answered like any other request.
  if (form.label && !labelId) return { status: 'accepted' };
  const mail = await recordFollow(db, form.email, labelId, now);
  const { confirmMail, alreadyMail } = subscriberMessages;
  sendMailInBackground(
    mail.kind === 'confirm'
      ? {
          to: [form.email],
          subject: confirmMail.subject(settings.title),
          text: confirmMail.text(settings.title, confirmUrl(mail.token)),
        }
      : {
          to: [form.email],
          subject: alreadyMail.subject(settings.title),
          text: alreadyMail.text(settings.title, preferencesUrl(mail.id)),
        },
  );
  return { status: 'accepted' };
}

async function labelIdOf(db: Database, slug: string): Promise<number | null> {
  const [label] = await db.select({ id: labels.id }).from(labels).where(eq(labels.slug, slug));
  return label?.id ?? null;
}

/**
 * Writes the request: a new address is pending with a fresh token; a pending, unsubscribed or bouncing one gets a
 * fresh token and waits for confirmation again; a confirmed one is left as it is (its owner changes it from the
 * preferences link, not anyone who knows the address).
 */
async function recordFollow(
  db: Database,
  email: string,
  labelId: number | null,
  now: Date,
): Promise<{ kind: 'confirm'; token: string } | { kind: 'already'; id: number }> {
  const { token, hash } = newConfirmToken();
  const expiresAt = new Date(now.getTime() + CONFIRM_HOURS * HOUR);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: subscribers.id, status: subscribers.status })
      .from(subscribers)
      .where(eq(subscribers.email, email))
      .for('update');
    if (existing?.status === 'confirmed') return { kind: 'already', id: existing.id };
    const pending = { status: 'pending' as const, confirmTokenHash: hash, confirmExpiresAt: expiresAt };
    let id: number;
    if (existing) {
      // A pending address adds what it asks for now; one that had left starts again from this request.
      const fresh = existing.status !== 'pending';
      await tx
        .update(subscribers)
        .set({ ...pending, ...(fresh && { wholeSite: !labelId }), ...(!labelId && { wholeSite: true }) })
        .where(eq(subscribers.id, existing.id));
      if (fresh) await tx.delete(subscriberLabels).where(eq(subscriberLabels.subscriberId, existing.id));
      id = existing.id;
    } else {
      const [row] = await tx
        .insert(subscribers)
        .values({ email, ...pending, wholeSite: !labelId, source: 'widget', createdAt: now })
        .returning({ id: subscribers.id });
      id = row.id;
    }
    if (labelId) await tx.insert(subscriberLabels).values({ subscriberId: id, labelId }).onConflictDoNothing();
    return { kind: 'confirm', token };
  });
}

/**
 * Confirms the address a link was mailed to, within its 48 hours and once. Returns the subscriber's id (the
 * preferences page opens from it), or null for an unknown, used or expired link.
 */
export async function confirmFollow(db: Database, token: string, now = new Date()): Promise<number | null> {
  const [row] = await db
    .update(subscribers)
    .set({
      status: 'confirmed',
      confirmedAt: now,
      confirmTokenHash: null,
      confirmExpiresAt: null,
      permanentFailures: 0,
    })
    .where(
      and(
        eq(subscribers.confirmTokenHash, hashConfirmToken(token)),
        eq(subscribers.status, 'pending'),
        gt(subscribers.confirmExpiresAt, now),
      ),
    )
    .returning({ id: subscribers.id });
  return row?.id ?? null;
}
