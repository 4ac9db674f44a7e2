import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { labels, subscriberLabels, subscribers } from '@/db/schema';
import type { Database } from '@/lib/db';

export type Preferences = {
  id: number;
  email: string;
  status: (typeof subscribers.$inferSelect)['status'];
  wholeSite: boolean;
  frequency: (typeof subscribers.$inferSelect)['frequency'];
  labelIds: number[];
};

/** A subscriber's choices, for the page their mail links to; null once the address is forgotten. */
export async function getPreferences(db: Database, id: number): Promise<Preferences | null> {
  const [row] = await db
    .select({
      id: subscribers.id,
      email: subscribers.email,
      status: subscribers.status,
      wholeSite: subscribers.wholeSite,
      frequency: subscribers.frequency,
    })
    .from(subscribers)
    .where(eq(subscribers.id, id));
  if (!row) return null;
  const followed = await db
    .select({ labelId: subscriberLabels.labelId })
    .from(subscriberLabels)
    .where(eq(subscriberLabels.subscriberId, id));
  return { ...row, labelIds: followed.map((label) => label.labelId) };
}

/** Every label, for the preferences page's choices. */
export async function listAllLabels(db: Database): Promise<{ id: number; name: string }[]> {
  return db.select({ id: labels.id, name: labels.name }).from(labels).orderBy(asc(labels.name));
}

export type Choices = { wholeSite: boolean; labelIds: number[]; frequency: Preferences['frequency'] };

/**
 * Saves what a subscriber follows and how often. The link proves the mailbox, so saving also confirms an address
 * that had unsubscribed (not one that bounces: its mail does not arrive).
 */
export async function savePreferences(db: Database, id: number, choices: Choices, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(subscribers)
      .set({ wholeSite: choices.wholeSite, frequency: choices.frequency })
      .where(eq(subscribers.id, id))
      .returning({ status: subscribers.status });
    if (!row) return false;
    if (row.status === 'unsubscribed' || row.status === 'pending')
      await tx.update(subscribers).set({ status: 'confirmed', confirmedAt: now }).where(eq(subscribers.id, id));
    await tx.delete(subscriberLabels).where(eq(subscriberLabels.subscriberId, id));
    if (choices.labelIds.length > 0)
      await tx
        .insert(subscriberLabels)
        .values(choices.labelIds.map((labelId) => ({ subscriberId: id, labelId })))
        .onConflictDoNothing();
    return true;
  });
}

/** Stops all mail to the address; it stays on the list as unsubscribed (so an import cannot add it back unasked). */
export async function unsubscribe(db: Database, id: number): Promise<boolean> {
  const rows = await db
    .update(subscribers)
    .set({ status: 'unsubscribed', confirmTokenHash: null, confirmExpiresAt: null })
    .where(eq(subscribers.id, id))
    .returning({ id: subscribers.id });
  return rows.length > 0;
}

/** "Forget me": the address is deleted, with what it followed and the record of what it was sent. */
export async function forget(db: Database, id: number): Promise<void> {
  await db.delete(subscribers).where(eq(subscribers.id, id));
}
