import 'server-only';
import { getSiteSettings } from '@/db/queries/settings';
import { getDb } from '@/lib/db';
import { exportCsv, searchSubscribers, subscriberCounts, type SubscriberStatus } from './admin';
import { sendingReport, type SendingReport } from './mailing';
import { subscriberIdOf } from './links';
import { getPreferences, listAllLabels, unsubscribe, type Preferences } from './preferences';

/** What the preferences page shows: the subscriber's choices and every label; null for a forged or dead link. */
export async function loadPreferencesPage(
  token: string,
): Promise<{ preferences: Preferences; labels: { id: number; name: string }[]; siteTitle: string } | null> {
  const id = subscriberIdOf(token);
  if (id === null) return null;
  const db = await getDb();
  const preferences = await getPreferences(db, id);
  if (!preferences) return null;
  return { preferences, labels: await listAllLabels(db), siteTitle: (await getSiteSettings(db)).title };
}

/** The dashboard's list: counts per state and the addresses matching a search. */
export async function loadSubscribersPage(query: { search: string; status?: SubscriberStatus }) {
  const db = await getDb();
  const [counts, rows] = await Promise.all([subscriberCounts(db), searchSubscribers(db, query)]);
  return { counts, rows };
}

export async function subscribersCsv(): Promise<string> {
  return exportCsv(await getDb());
}

/** A post's mailing for its dashboard page, once it was queued. */
export async function loadPostMailing(postId: number): Promise<SendingReport | null> {
  const report = await sendingReport(await getDb(), postId);
  return report.queued ? report : null;
}

/** RFC 8058's one-click POST: true when the token named a subscriber (who is now unsubscribed). */
export async function unsubscribeFromLink(token: string): Promise<boolean> {
  const id = subscriberIdOf(token);
  return id !== null && unsubscribe(await getDb(), id);
}
