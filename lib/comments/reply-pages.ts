import 'server-only';
import { getDb } from '@/lib/db';
import { replyFollowerIdOf } from './reply-links';
import { replyFollowerStatus, stopReplies } from './reply-mail';

/** The reply follower a stop link names and whether they still get reply mail; null for a forged or dead link. */
export async function loadReplyStopPage(token: string): Promise<{ receiving: boolean } | null> {
  const id = replyFollowerIdOf(token);
  if (id === null) return null;
  const status = await replyFollowerStatus(await getDb(), id);
  return status === null ? null : { receiving: status === 'confirmed' };
}

/** RFC 8058's one-click POST: true when the token named a reply follower (who now gets no reply mail). */
export async function stopRepliesFromLink(token: string): Promise<boolean> {
  const id = replyFollowerIdOf(token);
  return id !== null && stopReplies(await getDb(), id);
}
