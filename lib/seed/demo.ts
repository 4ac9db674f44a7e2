import 'server-only';
import { createAccount } from '@/lib/people/accounts';
import { writePost } from '@/lib/posts/write';
import { sanitizePostHtml } from '@/lib/sanitize/html';
import { slugify } from '@/lib/slug';
import type { Database } from '@/db/client';
import { adSlots, ads, comments, labels, siteSettings, users } from '@/db/schema';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts';
import { demoAdSlots, demoAds, demoAuthors, demoLabels, demoPosts, type DemoComment } from './demo-content';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A demo post's time: `hour` o'clock `daysAgo` days before today, or, for one of today's posts whose hour has not
 * come yet, a few seconds ago (the later its hour, the more recent), so nothing is dated in the future.
 */
function demoPublishedAt(today: number, now: Date, demo: { daysAgo: number; hour: number }): Date {
  const planned = today - demo.daysAgo * DAY + demo.hour * 60 * 60 * 1000;
  return new Date(Math.min(planned, now.getTime() - (24 - demo.hour) * 1000));
}

/** A demo comment's time: its minutes after the post, or, when that is still to come, squeezed in before now (order kept). */
function demoCommentAt(postAt: Date, now: Date, minutesAfterPost: number): Date {
  const planned = postAt.getTime() + minutesAfterPost * 60 * 1000;
  if (planned <= now.getTime()) return new Date(planned);
  const room = now.getTime() - postAt.getTime();
  return new Date(postAt.getTime() + (room * minutesAfterPost) / (minutesAfterPost + 1));
}

/** Writes the demo newsroom: authors, labels, posts dated over the last weeks, comments and ads. */
export async function seedDemoContent(db: Database, now = new Date()): Promise<void> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  await db.transaction(async (tx) => {
    await tx.insert(siteSettings).values({
      title: 'The Harbour Ledger',
      description: 'Independent news from the harbour town, since the first tide.',
      themeCredit: 'Broadsheet Classic theme',
      postsPerPage: 6,
      timeZone: 'UTC',
      suspectWords: 'casino\ncrypto giveaway',
      blockedWords: 'scoundrel',
    });

    const authorRows = await tx
      .insert(users)
      .values(
        demoAuthors.map((author, i) => ({
          email: author.email,
          name: author.name,
          slug: author.slug,
          bio: author.bio,
          image: author.image,
          role: i === 0 ? ('editor' as const) : ('author' as const),
        })),
      )
      .returning({ id: users.id, slug: users.slug });
    const authorId = new Map(authorRows.map((row) => [row.slug, row.id]));

    await tx.insert(labels).values(demoLabels.map((name) => ({ name, slug: slugify(name) })));

    for (const demo of demoPosts) {
      const publishedAt =
        demo.status === 'draft'
          ? null
          : demo.status === 'scheduled'
            ? new Date(now.getTime() + 3 * DAY)
            : demoPublishedAt(today, now, demo);
      const postId = await writePost(
        tx,
        {
          title: demo.title,
          slug: demo.slug,
          excerpt: demo.excerpt,
          bodyHtml: sanitizePostHtml(demo.bodyHtml),
          coverImage: demo.cover?.src ?? null,
          coverAlt: demo.cover?.alt ?? '',
          status: demo.status,
          publishedAt,
          authorId: authorId.get(demo.author)!,
          createdAt: publishedAt ?? now,
          updatedAt: publishedAt ?? now,
        },
        // Demo posts name labels from demoLabels: a typo fails the seed rather than adding a label.
        { names: demo.labels, create: false },
      );
      const insertComments = async (list: DemoComment[], parentId: number | null) => {
        for (const comment of list) {
          const [row] = await tx
            .insert(comments)
            .values({
              postId,
              parentId,
              authorName: comment.name,
              authorEmail: comment.email ?? null,
              body: comment.body,
              status: comment.status,
              createdAt: demoCommentAt(publishedAt ?? now, now, comment.minutesAfterPost),
            })
            .returning({ id: comments.id });
          await insertComments(comment.replies ?? [], row.id);
        }
      };
      await insertComments(demo.comments ?? [], null);
    }

    const slotRows = await tx.insert(adSlots).values(demoAdSlots).returning({ id: adSlots.id, key: adSlots.key });
    const slotId = new Map(slotRows.map((row) => [row.key, row.id]));
    await tx.insert(ads).values(
      demoAds.map(({ slotKey, ...ad }, i) => ({
        ...ad,
        slotId: slotId.get(slotKey)!,
        startsAt: new Date(today - 60 * DAY),
        // Bookings end a few weeks out, so /advertise shows open weeks to sell.
        endsAt: new Date(today + (21 + 7 * i) * DAY),
      })),
    );
  });
}

/** One account per role, all with the demo password: for the embedded demo database only (see README). */
export async function seedDemoAccounts(db: Database): Promise<void> {
  for (const account of demoAccounts) await createAccount(db, { ...account, password: DEMO_PASSWORD });
}
