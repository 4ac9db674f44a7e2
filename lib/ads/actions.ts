'use server';

import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { authorizedAction, authorizedButtonAction, publicAction } from '@/lib/actions';
import { clientIp, hashIp } from '@/lib/request/client-address';
import type { FormState } from '@/lib/form-state';
import { revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import { adChanges, adSchema, changeAd, saveAd } from './ads';
import { adMessages } from './messages';
import { adRequestDecisions, adRequestSchema, decideAdRequest, requestAdSpace } from './requests';

const rowId = z.coerce.number().int().positive();
const fileOf = (value: FormDataEntryValue | null) => (value instanceof File ? value : null);

/** "Save ad": a new ad opens on its own page, an edited one answers in the form. Pages show it at once. */
export const saveAdAction = authorizedAction(
  'ads:manage',
  adSchema,
  async (data, _user, formData): Promise<FormState> => {
    const result = await saveAd(await getDb(), data, fileOf(formData.get('image')));
    if (!result) notFound();
    if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors };
    revalidateTags([tags.ads]);
    if (result.created) redirect(`/dashboard/ads/${result.id}?saved=1`);
    return { status: 'ok', message: adMessages.ad.saved };
  },
);

/** The Pause / Resume and Delete buttons. */
export const changeAdAction = authorizedButtonAction(
  'ads:manage',
  z.object({ id: rowId, change: z.enum(adChanges) }),
  async ({ id, change }) => {
    const result = await changeAd(await getDb(), id, change);
    if (result === 'missing') notFound();
    if (result === 'incomplete') redirect(`/dashboard/ads/${id}?incomplete=1`);
    revalidateTags([tags.ads]);
    redirect('/dashboard/ads');
  },
);

/** "Send request" on /advertise: anyone may ask, a few times an hour. */
export const requestAdSpaceAction = publicAction(adRequestSchema, async (data, formData): Promise<FormState> => {
  const db = await getDb();
  const ipHash = hashIp(clientIp(await headers()));
  const result = await requestAdSpace(db, data, fileOf(formData.get('creative')), ipHash);
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors };
  return { status: 'ok', message: adMessages.request.sent(data.company, data.email), values: {} };
});

/** Accept (creates a paused ad from the request) or decline a booking request. */
export const decideAdRequestAction = authorizedButtonAction(
  'ads:manage',
  z.object({ id: rowId, decision: z.enum(adRequestDecisions) }),
  async ({ id, decision }) => {
    await decideAdRequest(await getDb(), id, decision);
    redirect('/dashboard/ads/requests');
  },
);
