import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { labels, postLabels, posts, users } from '../schema';
import { isLive } from './posts';

export type LabelWithCount = { name: string; slug: string; count: number };
export type ArchiveMonth = { year: number; month: number; count: number };

export async function listLabelsWithCounts(db: Database): Promise<LabelWithCount[]> {
  return db
    .select({ name: labels.name, slug: labels.slug, count: count() })
    .from(labels)
    .innerJoin(postLabels, and(eq(postLabels.labelId, labels.id), isNotNull(postLabels.livePublishedAt)))
    .groupBy(labels.id)
    .orderBy(labels.name);
}

/** A person by slug, with how many live posts they wrote (their author page lists those). */
export async function getAuthorBySlug(db: Database, slug: string) {
  const [found] = await db
    .select({ id: users.id, author: { name: users.name, slug: users.slug, bio: users.bio, image: users.image } })
    .from(users)
    .where(eq(users.slug, slug));
  if (!found) return null;
  const [{ livePosts }] = await db
    .select({ livePosts: count() })
    .from(posts)
    .where(and(eq(posts.authorId, found.id), isLive));
  return { ...found.author, livePosts: Number(livePosts) };
}

/** Published posts per month, newest first, with months taken in the site's time zone. */
export async function listArchiveMonths(db: Database, timeZone: string): Promise<ArchiveMonth[]> {
  const local = db
    .select({
      year: sql<number>`extract(year from ${posts.publishedAt} at time zone ${timeZone})::int`.as('year'),
      month: sql<number>`extract(month from ${posts.publishedAt} at time zone ${timeZone})::int`.as('month'),
    })
    .from(posts)
    .where(isLive)
    .as('local');
  const rows = await db
    .select({ year: local.year, month: local.month, count: count() })
    .from(local)
    .groupBy(local.year, local.month)
    .orderBy(desc(local.year), desc(local.month));
  return rows.map((row) => ({ year: Number(row.year), month: Number(row.month), count: Number(row.count) }));
}

/** Every label, used or not, for pickers in the dashboard. */
export async function listAllLabels(db: Database) {
  return db.select({ id: labels.id, name: labels.name }).from(labels).orderBy(labels.name);
}
