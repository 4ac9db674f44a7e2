'use server';

import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { publicButtonAction } from '@/lib/actions';
import { getDb } from '@/lib/db';
import { replyFollowerIdOf, replyFollowerToken } from './reply-links';
import { confirmReplies, forgetReplyFollower, stopReplies } from './reply-mail';

const tokenSchema = z.object({ token: z.string().max(100) });

/** The confirmation page's button (a POST: the mailed link alone confirms nothing). */
export const confirmRepliesAction = publicButtonAction(tokenSchema, async ({ token }) => {
  const id = await confirmReplies(await getDb(), token);
  redirect(
    id === null ? `/replies/confirm/${token}?expired=1` : `/replies/stop/${replyFollowerToken(id)}?done=confirmed`,
  );
});

/** The button of the page the reply mail's body links to: no more reply mail for the address. */
export const stopRepliesAction = publicButtonAction(tokenSchema, async ({ token }) => {
  const id = replyFollowerIdOf(token);
  if (id === null) notFound();
  await stopReplies(await getDb(), id);
  redirect(`/replies/stop/${token}?done=stopped`);
});

/**
 * The same page's second button, "Forget me": the address and its reply mail records are deleted, so the link
 * names nobody any more and the answer is a page of its own.
 */
export const forgetRepliesAction = publicButtonAction(tokenSchema, async ({ token }) => {
  const id = replyFollowerIdOf(token);
  if (id === null) notFound();
  await forgetReplyFollower(await getDb(), id);
  redirect('/replies/forgotten');
});
