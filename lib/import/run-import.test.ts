import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { comments, labels, pages, posts, redirects, users } from '@/db/schema';
import { createAccount } from '@/lib/people/accounts';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { importExport } from './run-import';
import { describeSummary } from './summary';

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'import-uploads-'));
process.env.UPLOADS_DIR = uploads;
process.env.STORAGE = 'disk';
const db = useFreshDatabase('import');
const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);
// A 1×1 PNG, as the old site's server answers for the bridge picture.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
let server: http.Server;
let wxrWithLocalMedia: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/wp-content/uploads/2018/10/bridge.jpg')
      response.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  wxrWithLocalMedia = path.join(uploads, 'wordpress-local.xml');
  fs.writeFileSync(
    wxrWithLocalMedia,
    fs
      .readFileSync(fixture('wordpress.xml'), 'utf8')
      .replaceAll('https://riverside.example/wp-content', `http://127.0.0.1:${port}/wp-content`),
  );
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(uploads, { recursive: true, force: true });
});

async function setUp() {
  const admin = await createAccount(db(), { email: 'admin@broadsheet.test', name: 'Admin', role: 'admin' });
  const editor = await createAccount(db(), {
    email: 'editor@broadsheet.test',
    name: 'Existing Editor',
    role: 'editor',
  });
  return { admin, editor };
}

const redirectMap = async () =>
  Object.fromEntries((await db().select().from(redirects)).map((r) => [r.fromPath, r.toPath]));
const counts = async () => ({
  posts: (await db().select().from(posts)).length,
  pages: (await db().select().from(pages)).length,
  comments: (await db().select().from(comments)).length,
  labels: (await db().select().from(labels)).length,
  users: (await db().select().from(users)).length,
  redirects: (await db().select().from(redirects)).length,
});

describe('importExport', () => {
  let people: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    people = await setUp();
  });

  it('a dry run reports what would come across and writes nothing', async () => {
    const before = await counts();
    const summary = await importExport(db(), fixture('blogger-current.xml'), { dryRun: true });
    expect(summary.found).toEqual({ posts: 4, pages: 1, comments: 3, labels: 4, authors: 2 });
    expect(summary.skipped.map((s) => s.item)).toEqual(['post “Posted by mistake”', 'comment by Someone']);
    expect(describeSummary(summary)).toMatch(
      /^Would import 4 posts, 1 page, 3 comments, 4 labels, 2 authors; 2 skipped: /,
    );
    expect(await counts()).toEqual(before);
  });

  it('imports a Blogger backup: posts with their status, dates, slugs, labels, comments and old addresses', async () => {
    const summary = await importExport(db(), fixture('blogger-current.xml'), { media: false });
    expect(summary.created).toEqual({ posts: 4, pages: 1, comments: 3, labels: 4, authors: 2 });

    const bySlug = Object.fromEntries((await db().select().from(posts)).map((p) => [p.slug, p]));
    const wall = bySlug['harbour-wall-to-be-rebuilt'];
    expect(wall).toMatchObject({
      status: 'published',
      publishedAt: new Date('2018-10-19T09:00:00Z'),
      excerpt: 'The council votes to rebuild the old harbour wall.',
      // Old news: never mailed to followers; the scheduled one is, when it goes out.
      emailFollowers: false,
    });
    expect(wall.bodyHtml).toContain('<b>old harbour wall</b>');
    expect(wall.bodyHtml).not.toContain('script');
    // The link to another imported post leads to its new address.
    expect(wall.bodyHtml).toContain('href="/2018/09/storm-damage"');
    expect(bySlug['regatta-preview']).toMatchObject({
      status: 'scheduled',
      emailFollowers: true,
      publishedAt: new Date('2031-06-01T07:00:00Z'),
    });
    expect(bySlug['ferry-timetable-draft']).toMatchObject({ status: 'draft', publishedAt: null });
    expect(bySlug['posted-by-mistake']).toBeUndefined();

    // The author is a deactivated contributor keeping the byline's name.
    const [mara] = await db().select().from(users).where(eq(users.email, 'mara@harbourgazette.example'));
    expect(mara).toMatchObject({ name: 'Mara Quint', role: 'contributor', passwordHash: null });
    expect(mara.deactivatedAt).not.toBeNull();
    expect(wall.authorId).toBe(mara.id);
    // Tom has no real email: his post is his by name.
    const [tom] = await db().select().from(users).where(eq(users.name, 'Tom Reyes'));
    expect(bySlug['storm-damage'].authorId).toBe(tom.id);

    const [about] = await db().select().from(pages);
    expect(about).toMatchObject({ slug: 'about', status: 'published', title: 'About the Gazette' });
    expect(about.bodyHtml).not.toContain('iframe');

    const threads = await db().select().from(comments).where(eq(comments.postId, wall.id));
    const jo = threads.find((c) => c.authorName === 'Jo Bell')!;
    expect(jo).toMatchObject({
      status: 'approved',
      parentId: null,
      body: 'About time! The wall has been crumbling for years.\nGood news & well done.',
    });
    expect(threads.find((c) => c.body.startsWith('Thanks Jo'))).toMatchObject({ parentId: jo.id, status: 'approved' });
    expect(threads.find((c) => c.authorName === 'Cheap Watches')?.status).toBe('spam');

    expect(await redirectMap()).toMatchObject({
      '/2018/10/harbour-wall-to-be-rebuilt.html': '/2018/10/harbour-wall-to-be-rebuilt',
      '/2018/09/storm-damage.html': '/2018/09/storm-damage',
      '/2031/06/regatta-preview.html': '/2031/06/regatta-preview',
      '/p/about.html': '/p/about',
      '/search/label/Harbour': '/label/harbour',
      '/feeds/posts/default': '/feed.xml',
    });
    expect(describeSummary(summary)).toMatch(
      /^Imported 4 posts, 1 page, 3 comments, 4 labels, 2 authors; 0 images copied/,
    );
  });

  it('a second import of the same file creates nothing', async () => {
    const before = await counts();
    const summary = await importExport(db(), fixture('blogger-current.xml'), { media: false });
    expect(summary.created).toEqual({ posts: 0, pages: 0, comments: 0, labels: 0, authors: 0 });
    expect(await counts()).toEqual(before);
  });

  it('imports the older Blogger schema with its threads', async () => {
    await importExport(db(), fixture('blogger-legacy.xml'), { media: false });
    const [mill] = await db().select().from(posts).where(eq(posts.slug, 'mill-reopens'));
    const thread = await db().select().from(comments).where(eq(comments.postId, mill.id));
    const ben = thread.find((c) => c.authorName === 'Ben')!;
    expect(thread.find((c) => c.body === 'Agreed, Ben.')?.parentId).toBe(ben.id);
    expect((await redirectMap())['/2012/03/mill-reopens.html']).toBe('/2012/03/mill-reopens');
  });

  it('imports a WordPress export: statuses, closed comments, categories and tags, authors by email, covers, addresses', async () => {
    const summary = await importExport(db(), wxrWithLocalMedia, { media: true, mediaAllowAddresses: ['127.0.0.1'] });
    expect(summary.created).toMatchObject({ posts: 4, pages: 1, comments: 4, authors: 1 });
    // The cover, and the picture in the body.
    expect(summary.images).toEqual({ copied: 2, leftAtOldAddress: 0, failures: [] });
    expect(summary.skipped.map((s) => s.reason)).toEqual([
      'deleted or in the trash on the old site',
      'a pingback or trackback, not a comment',
    ]);
    // The About page's slug was taken by Blogger's: it gets a suffix and the summary says so.
    expect(summary.renamed).toEqual([{ item: 'page “About us”', from: 'about', to: 'about-2' }]);

    const bySlug = Object.fromEntries((await db().select().from(posts)).map((p) => [p.slug, p]));
    const bridge = bySlug['bridge-closes'];
    expect(bridge).toMatchObject({
      status: 'published',
      excerpt: 'Six weeks of detours.',
      commentsMode: 'site',
      coverAlt: 'The old bridge',
    });
    expect(bridge.coverImage).toMatch(/^\/uploads\/covers\/[\w-]+\.png$/);
    expect(fs.readdirSync(path.join(uploads, 'covers'))).toHaveLength(1);
    expect(bridge.bodyHtml).toMatch(/<img src="\/uploads\/images\/[\w-]+\.png" alt="The bridge"/);
    expect(bridge.bodyHtml).toContain('href="/2018/10/council-budget"');
    expect(bridge.bodyHtml).toContain('<figcaption>The bridge from the east bank</figcaption>');
    expect(bridge.bodyHtml).not.toMatch(/\[gallery|<!-- wp:|script|onclick/);
    expect(bySlug['council-budget']).toMatchObject({ commentsMode: 'closed', authorId: people.editor.id });
    expect(bySlug['summer-fair'].status).toBe('scheduled');
    expect(bySlug['flood-defences-the-plan'].status).toBe('draft');
    expect(bySlug['old-notice']).toBeUndefined();

    const labelNames = (await db().select().from(labels)).map((l) => l.name);
    expect(labelNames).toEqual(expect.arrayContaining(['Town Hall', 'Bridges', 'Uncategorized']));

    const thread = await db().select().from(comments).where(eq(comments.postId, bridge.id));
    const sam = thread.find((c) => c.authorName === 'Sam Field')!;
    expect(sam).toMatchObject({
      status: 'approved',
      body: 'Six weeks? Again?',
      createdAt: new Date('2018-10-20T11:00:00Z'),
    });
    expect(thread.find((c) => c.authorName === 'Lena Ortiz')?.parentId).toBe(sam.id);
    expect(thread.find((c) => c.authorName === 'Pat')?.status).toBe('pending');
    expect(thread.find((c) => c.authorName === 'Loans Now')?.status).toBe('spam');

    expect(await redirectMap()).toMatchObject({
      '/2018/10/20/bridge-closes': '/2018/10/bridge-closes',
      '/?p=101': '/2018/10/bridge-closes',
      '/about': '/p/about-2',
      '/?page_id=2': '/p/about-2',
      '/category/town-hall': '/label/town-hall',
      '/tag/bridges': '/label/bridges',
      '/feed': '/feed.xml',
    });
  });

  it('lists images the old site does not answer for, and goes on', async () => {
    const broken = path.join(uploads, 'wordpress-broken.xml');
    fs.writeFileSync(
      broken,
      fs
        .readFileSync(wxrWithLocalMedia, 'utf8')
        .replace('wp:base_site_url>https://riverside.example', 'wp:base_site_url>https://riverside-copy.example')
        .replace('bridge.jpg]]></wp:attachment_url>', 'gone.jpg]]></wp:attachment_url>'),
    );
    const summary = await importExport(db(), broken, { media: true, mediaAllowAddresses: ['127.0.0.1'] });
    expect(summary.created.posts).toBe(4);
    expect(summary.images.failures).toEqual([
      { url: expect.stringMatching(/gone\.jpg$/), reason: 'the old site answered 404' },
    ]);
    expect(describeSummary(summary)).toContain('1 image copied, 1 left at the old address');
  });

  it('leaves images on private addresses where they are, with the reason, unless a test allows its own server', async () => {
    const inside = path.join(uploads, 'wordpress-inside.xml');
    fs.writeFileSync(
      inside,
      fs
        .readFileSync(wxrWithLocalMedia, 'utf8')
        .replace('wp:base_site_url>https://riverside.example', 'wp:base_site_url>https://riverside-inside.example'),
    );
    const summary = await importExport(db(), inside, { media: true });
    expect(summary.images.copied).toBe(0);
    expect(summary.images.failures).toEqual([
      { url: expect.stringMatching(/bridge\.jpg$/), reason: '127.0.0.1 is not a public address' },
      { url: expect.stringMatching(/bridge\.jpg$/), reason: '127.0.0.1 is not a public address' },
    ]);
    expect(describeSummary(summary)).toContain('0 images copied, 2 left at the old address');
  });

  it('threads a reply that comes before the comment it answers, and puts one whose parent never came at the top', async () => {
    const comment = (id: number, parent: number) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>C${id}</wp:comment_author>` +
      `<wp:comment_date_gmt>2020-01-0${id} 10:00:00</wp:comment_date_gmt><wp:comment_content>Comment ${id}</wp:comment_content>` +
      `<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    const file = path.join(uploads, 'out-of-order.xml');
    fs.writeFileSync(
      file,
      '<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>' +
        '<wp:base_site_url>https://order.example</wp:base_site_url><item><title>Order</title>' +
        '<link>https://order.example/order/</link><wp:post_id>1</wp:post_id><wp:post_name>order-of-replies</wp:post_name>' +
        '<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt>' +
        `${comment(2, 3)}${comment(3, 0)}${comment(4, 99)}</item></channel></rss>`,
    );
    await importExport(db(), file, { media: false, importedBy: people.admin.id });
    const [post] = await db().select().from(posts).where(eq(posts.slug, 'order-of-replies'));
    const thread = await db().select().from(comments).where(eq(comments.postId, post.id));
    const byName = Object.fromEntries(thread.map((c) => [c.authorName, c]));
    expect(byName.C2.parentId).toBe(byName.C3.id);
    expect(byName.C3.parentId).toBeNull();
    expect(byName.C4.parentId).toBeNull();
  });

  it('refuses a file that is not an export and writes nothing', async () => {
    const before = await counts();
    await expect(importExport(db(), fixture('not-an-export.xml'))).rejects.toThrow(/Expected a Blogger backup/);
    await expect(importExport(db(), fixture('truncated.xml'))).rejects.toThrow(/not well-formed/);
    expect(await counts()).toEqual(before);
  });
});
