'use server';

import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorizedAction, authorizedButtonAction } from '@/lib/actions';
import { getDb } from '@/lib/db';
import type { FormState } from '@/lib/form-state';
import { importCsv, removeSubscribers } from './admin';
import { resendFailed } from './mailing';
import { subscriberMessages } from './messages';

export type ImportState = FormState & { refused?: { line: number; email: string; reason: string }[] };
const { dashboard: words } = subscriberMessages;
const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** Removes one address from the list for good. */
export const removeSubscriberAction = authorizedButtonAction(
  'subscribers:manage',
  z.object({ id: z.coerce.number().int().positive() }),
  async ({ id }) => {
    await removeSubscribers(await getDb(), [id]);
    revalidatePath('/dashboard/subscribers');
  },
);

/** A CSV of addresses with their consent: rows without it are refused one by one, the rest added together. */
export const importSubscribersAction = authorizedAction(
  'subscribers:manage',
  z.object({}),
  async (_form, _user, formData): Promise<ImportState> => {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0)
      return { status: 'error', message: words.importNoFile, fieldErrors: { file: words.importNoFile } };
    if (file.size > MAX_CSV_BYTES) return { status: 'error', message: words.importTooBig };
    const report = await importCsv(await getDb(), await file.text());
    if (!report.ok) return { status: 'error', message: report.message };
    revalidatePath('/dashboard/subscribers');
    return {
      status: report.refused.length > 0 && report.imported === 0 ? 'error' : 'ok',
      message: words.imported(report.imported, report.refused.length),
      refused: report.refused.slice(0, 200),
    };
  },
);

/** "Resend to failed": a post's failed and interrupted deliveries go again. */
export const resendFailedAction = authorizedButtonAction(
  'subscribers:manage',
  z.object({ postId: z.coerce.number().int().positive() }),
  async ({ postId }) => {
    await resendFailed(await getDb(), postId);
    revalidatePath(`/dashboard/posts/${postId}`);
  },
);
