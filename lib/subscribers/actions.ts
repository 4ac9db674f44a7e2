'use server';

import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { publicAction, publicButtonAction } from '@/lib/actions';
import { issueFormToken } from '@/lib/comments/form-token';
import { getDb } from '@/lib/db';
import type { FormState } from '@/lib/form-state';
import { clientIp, hashIp } from '@/lib/request/client-address';
import { subscriberIdOf, subscriberToken } from './links';
import { subscriberMessages } from './messages';
import { forget, listAllLabels, savePreferences, unsubscribe } from './preferences';
import { confirmFollow, followFormSchema, requestFollow } from './subscribe';

export type FollowFormState = FormState & { token?: string };
type RefusedWhy = keyof typeof subscriberMessages.form.refused;
const { form: formMessages, preferences: preferenceMessages } = subscriberMessages;

/**
 * The answer to the follow form. With JavaScript it shows in place, with a fresh stamp; without it (a plain form
 * post from a cached page) the reader is sent to /follow, which says the same and, when the request was refused,
 * shows the form again with the address typed.
 */
async function answer(state: FollowFormState, label: string, refused?: RefusedWhy): Promise<FollowFormState> {
  if ((await headers()).has('next-action')) return { ...state, token: issueFormToken() };
  // A reason's name, not its words: the page says only what our messages say.
  const query = new URLSearchParams(refused ? { refused, email: state.values?.email ?? '' } : { sent: '1' });
  if (label) query.set('label', label);
  redirect(`/follow?${query}`);
}

export const followAction = publicAction(
  followFormSchema,
  async (form) => {
    const outcome = await requestFollow(await getDb(), form, { ipHash: hashIp(clientIp(await headers())) });
    if (outcome.status === 'accepted')
      return answer({ status: 'ok', message: formMessages.accepted, values: {} }, form.label);
    const why = outcome.status === 'limited' ? 'limited' : 'again';
    return answer(
      { status: 'error', message: formMessages.refused[why], values: { email: form.email } },
      form.label,
      why,
    );
  },
  {
    invalidMessage: formMessages.invalid,
    onInvalid: async (rejected, formData) => {
      const label = typeof formData.get('label') === 'string' ? String(formData.get('label')) : '';
      return answer(rejected, label, 'invalid');
    },
  },
);

const tokenSchema = z.object({ token: z.string().max(100) });

/** The subscriber a preferences form names, or the 404 page for a forged or malformed link. */
function subscriberOf(token: string): number {
  const id = subscriberIdOf(token);
  if (id === null) notFound();
  return id;
}

export const savePreferencesAction = publicAction(
  tokenSchema.extend({
    wholeSite: z.literal('yes').optional(),
    frequency: z.enum(['each', 'daily']).default('each'),
  }),
  async ({ token, wholeSite, frequency }, formData) => {
    const id = subscriberOf(token);
    const known = new Set((await listAllLabels(await getDb())).map((label) => label.id));
    const labelIds = [...formData.keys()]
      .map((key) => /^label-(\d+)$/.exec(key)?.[1])
      .map(Number)
      .filter((labelId) => known.has(labelId));
    if (!wholeSite && labelIds.length === 0) return { status: 'error', message: preferenceMessages.noLabel };
    if (!(await savePreferences(await getDb(), id, { wholeSite: Boolean(wholeSite), labelIds, frequency })))
      return { status: 'error', message: preferenceMessages.gone };
    redirect(`/follow/manage/${token}?done=saved`);
  },
);

export const unsubscribeAction = publicButtonAction(tokenSchema, async ({ token }) => {
  await unsubscribe(await getDb(), subscriberOf(token));
  redirect(`/follow/manage/${token}?done=unsubscribed`);
});

export const forgetAction = publicButtonAction(tokenSchema, async ({ token }) => {
  await forget(await getDb(), subscriberOf(token));
  redirect('/follow?forgotten=1');
});

/**
 * The button of the confirmation page (a POST: the link alone confirms nothing), then the subscriber's preferences,
 * or /follow saying the link is dead.
 */
export const confirmFollowAction = publicButtonAction(tokenSchema, async ({ token }) => {
  const id = await confirmFollow(await getDb(), token);
  redirect(id === null ? '/follow?expired=1' : `/follow/manage/${subscriberToken(id)}?done=confirmed`);
});
