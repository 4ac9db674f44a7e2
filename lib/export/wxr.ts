import 'server-only';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { asc, eq, gt, inArray } from 'drizzle-orm';
import { getSiteSettings } from '@/db/queries/settings';
import { comments, labels, pages, postLabels, posts, users } from '@/db/schema';
import type { Database } from '@/lib/db';
import { postPath } from '@/lib/posts/permalink';

const BATCH = 200;
/** WordPress keeps posts and pages in one table of ids: our pages are numbered after this. */
export const PAGE_ID_OFFSET = 100_000_000;

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
/** WordPress's GMT date form: `2018-10-20 09:15:00`. */
const wpDate = (date: Date | null) =>
  date ? date.toISOString().slice(0, 19).replace('T', ' ') : '0000-00-00 00:00:00';
const wpStatus = { published: 'publish', scheduled: 'future', draft: 'draft', review: 'pending' } as const;
const commentApproval = { approved: '1', pending: '0', spam: 'spam', rejected: 'trash' } as const;

/**
 * The site's posts, pages, labels and comments as a WordPress export (WXR 1.2), so a site can move to WordPress, or
 * be read back by our own importer. Written piece by piece to `write`, a batch of posts at a time: memory stays
 * flat with the site's size. Posts in the trash stay behind.
 */
export async function writeWxr(db: Database, siteUrl: string, write: (chunk: string) => Promise<void>): Promise<void> {
  const settings = await getSiteSettings(db);
  const site = siteUrl.replace(/\/$/, '');
  await write(
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" ` +
      `xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
      `xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>${escape(settings.title)}</title>\n` +
      `<link>${escape(site)}</link>\n<description>${escape(settings.description)}</description>\n` +
      `<wp:wxr_version>1.2</wp:wxr_version>\n<wp:base_site_url>${escape(site)}</wp:base_site_url>\n` +
      `<wp:base_blog_url>${escape(site)}</wp:base_blog_url>\n`,
  );
  for (const user of await db
    .select({ id: users.id, slug: users.slug, email: users.email, name: users.name })
    .from(users))
    await write(
      `<wp:author><wp:author_id>${escape(user.id)}</wp:author_id><wp:author_login>${cdata(user.slug)}</wp:author_login>` +
        `<wp:author_email>${cdata(user.email)}</wp:author_email><wp:author_display_name>${cdata(user.name)}</wp:author_display_name></wp:author>\n`,
    );
  for (const label of await db.select().from(labels).orderBy(asc(labels.id)))
    await write(
      `<wp:category><wp:term_id>${label.id}</wp:term_id><wp:category_nicename>${cdata(label.slug)}</wp:category_nicename>` +
        `<wp:category_parent></wp:category_parent><wp:cat_name>${cdata(label.name)}</wp:cat_name></wp:category>\n`,
    );
  const slugOf = new Map((await db.select({ id: users.id, slug: users.slug }).from(users)).map((u) => [u.id, u.slug]));

  for (let after = 0; ;) {
    const batch = await db.select().from(posts).where(gt(posts.id, after)).orderBy(asc(posts.id)).limit(BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1].id;
    const live = batch.filter((post) => !post.deletedAt);
    const ids = live.map((post) => post.id);
    const labelRows = ids.length
      ? await db
          .select({ postId: postLabels.postId, slug: labels.slug, name: labels.name })
          .from(postLabels)
          .innerJoin(labels, eq(labels.id, postLabels.labelId))
          .where(inArray(postLabels.postId, ids))
      : [];
    const commentRows = ids.length
      ? await db.select().from(comments).where(inArray(comments.postId, ids)).orderBy(asc(comments.id))
      : [];
    for (const post of live) {
      const link = post.publishedAt
        ? `${site}${postPath({ slug: post.slug, publishedAt: post.publishedAt }, settings.timeZone)}`
        : `${site}/?p=${post.id}`;
      const categories = labelRows
        .filter((row) => row.postId === post.id)
        .map((row) => `<category domain="category" nicename="${escape(row.slug)}">${cdata(row.name)}</category>`);
      const thread = commentRows.filter((c) => c.postId === post.id).map(commentXml);
      await write(
        item({
          id: post.id,
          type: 'post',
          title: post.title,
          link,
          author: slugOf.get(post.authorId) ?? '',
          body: post.bodyHtml,
          excerpt: post.excerpt,
          date: post.publishedAt,
          modified: post.updatedAt,
          closed: post.commentsMode === 'closed',
          slug: post.slug,
          status: wpStatus[post.status],
          extra: [...categories, ...thread].join(''),
        }),
      );
    }
  }
  for (const page of await db.select().from(pages).orderBy(asc(pages.id)))
    await write(
      item({
        id: PAGE_ID_OFFSET + page.id,
        type: 'page',
        title: page.title,
        link: `${site}/p/${page.slug}`,
        author: (page.authorId && slugOf.get(page.authorId)) || '',
        body: page.bodyHtml,
        excerpt: '',
        date: page.publishedAt,
        modified: page.updatedAt,
        closed: true,
        slug: page.slug,
        status: page.status === 'published' ? 'publish' : 'draft',
        extra: '',
      }),
    );
  await write('</channel>\n</rss>\n');
}

type Item = {
  id: number;
  type: 'post' | 'page';
  title: string;
  link: string;
  author: string;
  body: string;
  excerpt: string;
  date: Date | null;
  modified: Date;
  closed: boolean;
  slug: string;
  status: string;
  extra: string;
};

function item(entry: Item): string {
  return (
    `<item><title>${cdata(entry.title)}</title><link>${escape(entry.link)}</link>` +
    `<dc:creator>${cdata(entry.author)}</dc:creator><guid isPermaLink="false">${escape(entry.link)}</guid>` +
    `<content:encoded>${cdata(entry.body)}</content:encoded><excerpt:encoded>${cdata(entry.excerpt)}</excerpt:encoded>` +
    `<wp:post_id>${entry.id}</wp:post_id><wp:post_date_gmt>${cdata(wpDate(entry.date))}</wp:post_date_gmt>` +
    `<wp:post_modified_gmt>${cdata(wpDate(entry.modified))}</wp:post_modified_gmt>` +
    `<wp:comment_status>${cdata(entry.closed ? 'closed' : 'open')}</wp:comment_status>` +
    `<wp:post_name>${cdata(entry.slug)}</wp:post_name><wp:status>${cdata(entry.status)}</wp:status>` +
    `<wp:post_parent>0</wp:post_parent><wp:post_type>${cdata(entry.type)}</wp:post_type>${entry.extra}</item>\n`
  );
}

/** A comment: its plain text as the HTML WordPress keeps (escaped, line breaks as <br>). */
function commentXml(comment: typeof comments.$inferSelect): string {
  const html = escape(comment.body).replaceAll('\n', '<br />');
  return (
    `<wp:comment><wp:comment_id>${comment.id}</wp:comment_id><wp:comment_author>${cdata(comment.authorName)}</wp:comment_author>` +
    `<wp:comment_author_email>${cdata(comment.authorEmail ?? '')}</wp:comment_author_email>` +
    `<wp:comment_date_gmt>${cdata(wpDate(comment.createdAt))}</wp:comment_date_gmt>` +
    `<wp:comment_content>${cdata(html)}</wp:comment_content>` +
    `<wp:comment_approved>${cdata(commentApproval[comment.status])}</wp:comment_approved>` +
    `<wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${comment.parentId ?? 0}</wp:comment_parent></wp:comment>`
  );
}

/**
 * writeWxr as a stream, for a file or a download: it writes only as fast as the stream is read, and stops when the
 * stream is destroyed (a client that went away).
 */
export function wxrStream(db: Database, siteUrl: string): Readable {
  const out = new PassThrough();
  writeWxr(db, siteUrl, async (chunk) => {
    if (out.destroyed) throw new Error('The download was cancelled.');
    if (out.write(chunk)) return;
    // Whichever comes first; the other listener is removed, so none pile up over a long download.
    const done = new AbortController();
    const { signal } = done;
    await Promise.race([once(out, 'drain', { signal }), once(out, 'close', { signal })]).finally(() => done.abort());
  }).then(
    () => out.end(),
    (error: Error) => out.destroy(error),
  );
  return out;
}
