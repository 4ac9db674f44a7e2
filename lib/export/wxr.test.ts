import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { comments, labels, pages, postLabels, posts, redirects } from '@/db/schema';
import { importExport } from '@/lib/import/run-import';
import { writePage } from '@/lib/pages/write';
import { createAccount } from '@/lib/people/accounts';
import { writePost } from '@/lib/posts/write';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { writeWxr } from './wxr';

const db = useFreshDatabase('export_wxr');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'export-wxr-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

async function seed() {
  const author = await createAccount(db(), { email: 'writer@example.com', name: 'Wren Writer', role: 'author' });
  await createAccount(db(), { email: 'admin@example.com', name: 'Admin', role: 'admin' });
  const base = { authorId: author.id, excerpt: 'In short & sweet', updatedAt: new Date('2024-05-02T10:00:00Z') };
  const live = await writePost(
    db(),
    {
      ...base,
      title: 'Tide tables ]]> explained',
      slug: 'tide-tables',
      bodyHtml: '<p>High water at <b>6</b>.</p>',
      status: 'published',
      publishedAt: new Date('2024-05-01T08:30:00Z'),
      commentsMode: 'closed',
    },
    { names: ['Harbour', 'Weather & sea'], create: true },
  );
  await writePost(
    db(),
    { ...base, title: 'Unfinished', slug: 'unfinished', bodyHtml: '<p>Notes</p>', status: 'draft' },
    { names: [], create: true },
  );
  await writePost(db(), {
    ...base,
    title: 'Coming soon',
    slug: 'coming-soon',
    bodyHtml: '<p>Soon</p>',
    status: 'scheduled',
    publishedAt: new Date('2031-01-01T00:00:00Z'),
  });
  await writePost(db(), {
    ...base,
    title: 'Binned',
    slug: 'binned',
    status: 'published',
    publishedAt: new Date('2024-01-01T00:00:00Z'),
    deletedAt: new Date(),
  });
  await writePage(db(), {
    title: 'Contact',
    slug: 'contact',
    bodyHtml: '<p>Write to us.</p>',
    status: 'published',
    publishedAt: new Date('2023-01-01T00:00:00Z'),
    authorId: author.id,
  });
  const [first] = await db()
    .insert(comments)
    .values({
      postId: live,
      authorName: 'Reader <One>',
      authorEmail: 'one@example.net',
      body: 'Line one\nLine & two',
      status: 'approved',
      createdAt: new Date('2024-05-01T09:00:00Z'),
    })
    .returning();
  await db()
    .insert(comments)
    .values([
      {
        postId: live,
        parentId: first.id,
        authorName: 'Wren Writer',
        body: 'Thanks!',
        status: 'approved',
        createdAt: new Date('2024-05-01T10:00:00Z'),
      },
      { postId: live, authorName: 'Held', body: 'Hmm', status: 'pending', createdAt: new Date('2024-05-01T11:00:00Z') },
      { postId: live, authorName: 'Spammer', body: 'Buy', status: 'spam', createdAt: new Date('2024-05-01T12:00:00Z') },
    ]);
}

/** The site's content as a reader or editor sees it: what a round trip must keep. */
async function content() {
  const postRows = await db().select().from(posts).orderBy(asc(posts.slug));
  const labelRows = await db()
    .select({ slug: posts.slug, name: labels.name })
    .from(postLabels)
    .innerJoin(labels, eq(labels.id, postLabels.labelId))
    .innerJoin(posts, eq(posts.id, postLabels.postId));
  const commentRows = await db().select().from(comments).orderBy(asc(comments.createdAt));
  const nameOf = new Map(commentRows.map((c) => [c.id, c.authorName]));
  return {
    posts: postRows
      .filter((p) => !p.deletedAt)
      .map((p) => ({
        title: p.title,
        slug: p.slug,
        status: p.status,
        publishedAt: p.publishedAt,
        bodyHtml: p.bodyHtml,
        excerpt: p.excerpt,
        commentsMode: p.commentsMode,
        authorId: p.authorId,
        labels: labelRows
          .filter((l) => l.slug === p.slug)
          .map((l) => l.name)
          .sort(),
      })),
    pages: (await db().select().from(pages)).map((p) => ({
      title: p.title,
      slug: p.slug,
      status: p.status,
      bodyHtml: p.bodyHtml,
      publishedAt: p.publishedAt,
    })),
    comments: commentRows.map((c) => ({
      post: postRows.find((p) => p.id === c.postId)?.slug,
      parent: c.parentId ? nameOf.get(c.parentId) : null,
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      body: c.body,
      status: c.status,
      createdAt: c.createdAt,
    })),
  };
}

describe('writeWxr', () => {
  it('exports posts, pages, labels and comments that our importer reads back into the same site', async () => {
    await seed();
    const before = await content();
    const file = path.join(folder, 'site.xml');
    const out = fs.createWriteStream(file);
    await writeWxr(db(), 'https://news.example', async (chunk) => void out.write(chunk));
    await new Promise((resolve) => out.end(resolve));
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Binned');

    // Empty the site of its content (people stay, matched again by email), then restore it from the file.
    await db().delete(posts);
    await db().delete(pages);
    await db().delete(labels);
    const summary = await importExport(db(), file, { media: false });
    expect(summary.created).toMatchObject({ posts: 3, pages: 1, comments: 4, authors: 0 });
    expect(summary.renamed).toEqual([]);
    expect(await content()).toEqual(before);
    // Its posts and pages answer at the addresses they had: the only redirects are WordPress's other forms.
    const from = (await db().select().from(redirects)).map((r) => r.fromPath);
    expect(from.filter((path) => !/^\/(\?p=|\?page_id=|category\/|feed$)/.test(path))).toEqual([]);
  });
});
