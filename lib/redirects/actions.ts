'use server';

import { refresh } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { optionalId } from '@/lib/form-fields';
import { authorizedAction, authorizedButtonAction } from '@/lib/actions';
import { getDb } from '@/lib/db';
import { deleteRedirect, importRedirectsCsv, saveManualRedirect } from './manage';
import { redirectMessages } from './messages';

// Redirects are read only on the way to a 404, never cached (lib/redirects/lookup.ts): nothing to revalidate but
// the list on the page the action was sent from (refresh()).

const redirectSchema = z.object({
  id: optionalId,
  fromPath: z.string().max(2000),
  toPath: z.string().max(2000),
});

export const saveRedirectAction = authorizedAction('redirects:manage', redirectSchema, async (form) => {
  const result = await saveManualRedirect(await getDb(), form);
  if (!result.ok) {
    if (result.notFound) notFound();
    return {
      status: 'error',
      message: result.message,
      fieldErrors: result.field ? { [result.field]: result.message } : {},
    };
  }
  if (form.id) redirect('/dashboard/redirects?saved=1');
  refresh();
  return { status: 'ok', message: redirectMessages.saved, values: { fromPath: '', toPath: '' } };
});

export const deleteRedirectAction = authorizedButtonAction(
  'redirects:manage',
  z.object({ id: z.coerce.number().int().positive() }),
  async ({ id }) => {
    if (!(await deleteRedirect(await getDb(), id))) notFound();
    redirect('/dashboard/redirects?deleted=1');
  },
);

/** A CSV file, or its rows pasted: "old,new" a line. */
export const importRedirectsAction = authorizedAction(
  'redirects:manage',
  z.object({ rows: z.string().max(2_000_000).default('') }),
  async ({ rows }, _user, formData) => {
    const file = formData.get('file');
    const text = file instanceof File && file.size > 0 ? await file.slice(0, 2_000_000).text() : rows;
    if (!text.trim()) return { status: 'error', message: redirectMessages.noRows };
    const { rows: saved, refused } = await importRedirectsCsv(await getDb(), text);
    refresh();
    return {
      status: refused.length ? 'error' : 'ok',
      message: redirectMessages.imported(saved.length, refused.length),
      details: refused.map(({ line, reason }) => redirectMessages.line(line, reason)),
      values: { rows: '' },
    };
  },
);
