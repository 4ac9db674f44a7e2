'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { authorizedAction, authorizedButtonAction } from '@/lib/actions';
import { revalidateTags } from '@/lib/cache/revalidate';
import { tags } from '@/lib/cache/tags';
import type { FormState } from '@/lib/form-state';
import { adMessages } from './messages';
import { deleteSlot, saveSlot, slotSchema } from './slots';

/** "Save slot": pages show the change at once. */
export const saveSlotAction = authorizedAction('ads:manage', slotSchema, async (data): Promise<FormState> => {
  const result = await saveSlot(await getDb(), data);
  if (!result.ok) {
    return {
      status: 'error',
      message: result.field ? adMessages.slot.notSaved : result.message,
      fieldErrors: result.field ? { [result.field]: result.message } : undefined,
    };
  }
  revalidateTags([tags.ads]);
  if (!data.id) redirect(`/dashboard/ads/slots/${result.id}?saved=1`);
  return { status: 'ok', message: adMessages.slot.saved };
});

/** "Delete slot", refused while ads or booking requests use the slot. */
export const deleteSlotAction = authorizedButtonAction(
  'ads:manage',
  z.object({ id: z.coerce.number().int().positive() }),
  async ({ id }) => {
    const result = await deleteSlot(await getDb(), id);
    if (!result.ok) redirect(`/dashboard/ads/slots/${id}?in-use=1`);
    revalidateTags([tags.ads]);
    redirect('/dashboard/ads/slots');
  },
);
