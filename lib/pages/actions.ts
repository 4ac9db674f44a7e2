'use server';

import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { authorizedAction, authorizedButtonAction } from '@/lib/actions';
import { revalidatePage } from '@/lib/cache/revalidate';
import { getDb } from '@/lib/db';
import { formValues } from '@/lib/form-state';
import { pageFormSchema } from './editing';
import { pageMessages } from './messages';
import { restorePageRevision, savePage } from './save';

export const savePageAction = authorizedAction(
  'pages:manage',
  pageFormSchema,
  async (form, user, formData) => {
    const result = await savePage(await getDb(), user.id, form);
    if (!result.ok) {
      if (result.notFound) notFound();
      return {
        status: 'error',
        message: result.message,
        ...(result.field && { fieldErrors: { [result.field]: result.message } }),
      };
    }
    revalidatePage(result.slugs);
    // A new page gets its own address, so a reload or a second save edits it rather than making another.
    if (result.created) redirect(`/dashboard/pages/${result.id}?saved=${form.intent}`);
    const done = form.intent === 'publish' && result.wasPublished ? 'update' : form.intent;
    return { status: 'ok', message: pageMessages.done[done], values: { ...formValues(formData), slug: form.slug } };
  },
  { invalidMessage: pageMessages.invalid },
);

const ids = z.object({ id: z.coerce.number().int().positive(), revisionId: z.coerce.number().int().positive() });

export const restorePageRevisionAction = authorizedButtonAction(
  'pages:manage',
  ids,
  async ({ id, revisionId }, user) => {
    const result = await restorePageRevision(await getDb(), user.id, id, revisionId);
    if (!result.ok) notFound();
    revalidatePage(result.slugs);
    redirect(`/dashboard/pages/${id}?saved=restored`);
  },
);
