import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { asc, eq, ne } from 'drizzle-orm';
import { listLiveSlots } from '@/db/queries/ads';
import { listApprovedCommentsPage } from '@/db/queries/comments';
import { listPublishedPages, getPublishedPageBySlug } from '@/db/queries/pages';
import {
  getAdjacentPublishedPosts,
  getPublishedPostBySlug,
  listPublishedPostDates,
  listPublishedPosts,
} from '@/db/queries/posts';
import { getSiteSettings, getStoredMenu, storeMenu } from '@/db/queries/settings';
import { getAuthorBySlug, listArchiveMonths, listLabelsWithCounts } from '@/db/queries/taxonomy';
import {
  blockedCommenters,
  adDailyStats,
  adRequests,
  adSlots,
  ads,
  comments,
  labels,
  pageRevisions,
  pages,
  postLabels,
  postRevisions,
  posts,
  redirects,
  siteSettings,
  replyFollowers,
  restoreInProgress,
  subscriberLabels,
  subscribers,
  users,
} from '@/db/schema';
import { closeDb, getDb, type Database } from '@/lib/db';
import { env } from '@/lib/env';
import { importExport } from '@/lib/import/run-import';
import { importMessages } from '@/lib/import/messages';
import { ImportRefusedError } from '@/lib/import/xml-items';
import { writePage } from '@/lib/pages/write';
import { createAccount } from '@/lib/people/accounts';
import { writePost } from '@/lib/posts/write';
import { sanitizePostHtml } from '@/lib/sanitize/html';
import { readMenu } from '@/lib/settings/menu';
import { seedDemoContent } from '@/lib/seed/demo';
import { storage } from '@/lib/storage';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { importNodeArgs } from '@/scripts/import-flags';
import { archiveStream } from './archive';
import { archiveMessages, restoreWasUndone } from './archive-restore';
import { readTar, tarEnd, tarHeader, tarPadding, type TarEntry } from './tar';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'export-archive-'));
process.env.STORAGE = 'disk';
process.env.UPLOADS_DIR = path.join(folder, 'uploads-before');
const freshDb = useFreshDatabase('export_archive');
/** On PGlite the killed-restore test closes the database for its child processes and opens it again after them. */
let reopened: Database | undefined;
const db = () => reopened ?? freshDb();
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const coverKey = 'covers/0b6f3c6e-1111-4c4c-9d9d-123456789abc.png';

/** The demo newsroom, plus what it lacks: an upload, revisions, a page, a redirect, a menu, followers, ad figures. */
async function seed() {
  await seedDemoContent(db(), new Date('2026-03-10T12:00:00Z'));
  const admin = await createAccount(db(), {
    email: 'admin@example.com',
    name: 'Ada Admin',
    role: 'admin',
    password: 'a long enough password',
  });
  await db().update(users).set({ totpSecret: 'SECRET-CIPHERTEXT' }).where(eq(users.id, admin.id));
  await (await storage()).put(coverKey, png, 'image/png');

  const [post] = await db().select().from(posts).where(eq(posts.status, 'published')).orderBy(asc(posts.id)).limit(1);
  await writePost(db(), {
    id: post.id,
    savedBy: admin.id,
    coverImage: `/uploads/${coverKey}`,
    bodyHtml: sanitizePostHtml(`${post.bodyHtml}<p><img src="/uploads/${coverKey}" alt="The quay"></p>`),
    updatedAt: new Date('2026-03-10T13:00:00Z'),
  });
  await writePost(db(), { id: post.id + 1, savedBy: admin.id, deletedAt: new Date('2026-03-10T14:00:00Z') });
  const pageId = await writePage(db(), {
    title: 'About us',
    slug: 'about',
    bodyHtml: '<p>Who we are.</p>',
    status: 'published',
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    authorId: admin.id,
  });
  await writePage(db(), { id: pageId, savedBy: admin.id, bodyHtml: '<p>Who we are, and why.</p>' });
  await db().insert(redirects).values({ fromPath: '/old-about', toPath: '/p/about', source: 'manual' });
  await storeMenu(db(), [
    { kind: 'builtin', target: 'home', text: 'Home' },
    { kind: 'page', target: 'about', text: 'About' },
  ]);
  const [label] = await db().select().from(labels).orderBy(asc(labels.id)).limit(1);
  const [follower] = await db()
    .insert(subscribers)
    .values({ email: 'reader@example.net', status: 'confirmed', wholeSite: false, confirmedAt: new Date() })
    .returning();
  await db().insert(subscriberLabels).values({ subscriberId: follower.id, labelId: label.id });
  await db()
    .insert(blockedCommenters)
    .values([
      { kind: 'email', value: 'spam@example.net', createdBy: admin.id },
      { kind: 'ip', value: 'a-network-hash', createdBy: null },
    ]);
  // A commenter who asked for replies, confirmed.
  const [asked] = await db().select().from(comments).orderBy(asc(comments.id)).limit(1);
  await db().update(comments).set({ notifyReplies: true }).where(eq(comments.id, asked.id));
  await db()
    .insert(replyFollowers)
    .values({
      email: 'commenter@example.net',
      status: 'confirmed',
      confirmTokenHash: 'not carried',
      confirmedAt: new Date('2026-03-01T00:00:00Z'),
    });
  const [ad] = await db().select().from(ads).orderBy(asc(ads.id)).limit(1);
  await db().insert(adDailyStats).values({ adId: ad.id, day: '2026-03-09', impressions: 120, clicks: 3 });
  await db().insert(adRequests).values({
    company: 'Quay Cafe',
    email: 'cafe@example.net',
    slotId: ad.slotId,
    startDate: '2026-04-06',
    weeks: 2,
    status: 'scheduled',
    adId: ad.id,
  });
}

/** Everything a restore must keep, without ids (a restore gives new ones): rows by their natural keys. */
async function snapshot() {
  const d = db();
  const people = await d.select().from(users).orderBy(asc(users.email));
  const email = (id: string | null) => people.find((p) => p.id === id)?.email ?? null;
  const postRows = await d.select().from(posts).orderBy(asc(posts.slug));
  const slugOf = (id: number) => postRows.find((p) => p.id === id)?.slug;
  const labelRows = await d.select().from(labels).orderBy(asc(labels.slug));
  const labelOf = (id: number | null) => labelRows.find((l) => l.id === id)?.slug ?? null;
  const commentRows = await d.select().from(comments).orderBy(asc(comments.createdAt), asc(comments.body));
  const commentKey = (id: number | null) => {
    const c = commentRows.find((row) => row.id === id);
    return c ? `${slugOf(c.postId)} ${c.authorName} ${c.createdAt.toISOString()}` : null;
  };
  const slots = await d.select().from(adSlots).orderBy(asc(adSlots.key));
  const adRows = await d.select().from(ads).orderBy(asc(ads.reportToken));
  const tokenOf = (id: number | null) => adRows.find((a) => a.id === id)?.reportToken ?? null;
  const keyOf = (id: number) => slots.find((s) => s.id === id)?.key;
  const pageRows = await d.select().from(pages).orderBy(asc(pages.slug));
  const [{ id: _id, updatedAt: _updated, ...settings }] = await d.select().from(siteSettings);
  return {
    people: people.map((p) => [p.email, p.name, p.slug, p.bio, p.image, p.role, p.deactivatedAt, p.createdAt]),
    labels: labelRows.map((l) => [l.name, l.slug]),
    posts: await Promise.all(
      postRows.map(async ({ id, previewSecret: _s, searchWords: _w, authorId, ...post }) => ({
        ...post,
        author: email(authorId),
        labels: (await d.select().from(postLabels).where(eq(postLabels.postId, id))).map((l) => labelOf(l.labelId)),
        revisions: (await d.select().from(postRevisions).where(eq(postRevisions.postId, id))).map(
          ({ id: _r, postId: _p, savedBy, ...r }) => ({ ...r, savedBy: email(savedBy) }),
        ),
      })),
    ),
    pages: await Promise.all(
      pageRows.map(async ({ id, authorId, ...page }) => ({
        ...page,
        author: email(authorId),
        revisions: (await d.select().from(pageRevisions).where(eq(pageRevisions.pageId, id))).map(
          ({ id: _r, pageId: _p, savedBy, ...r }) => ({ ...r, savedBy: email(savedBy) }),
        ),
      })),
    ),
    comments: commentRows.map(({ id, postId, parentId, authorUserId, ipHash: _ip, ...c }) => ({
      ...c,
      key: commentKey(id),
      post: slugOf(postId),
      parent: commentKey(parentId),
      authorUser: email(authorUserId),
    })),
    redirects: (await d.select().from(redirects).orderBy(asc(redirects.fromPath))).map(({ id: _r, ...r }) => r),
    slots: slots.map(({ id: _s, labelId, ...s }) => ({ ...s, label: labelOf(labelId) })),
    ads: adRows.map(({ id: _a, slotId, ...a }) => ({ ...a, slot: keyOf(slotId) })),
    adDays: (await d.select().from(adDailyStats)).map(({ adId, ...day }) => ({ ...day, ad: tokenOf(adId) })),
    requests: (await d.select().from(adRequests)).map(({ id: _r, slotId, adId, ...r }) => ({
      ...r,
      slot: keyOf(slotId),
      ad: tokenOf(adId),
    })),
    subscribers: await Promise.all(
      (await d.select().from(subscribers)).map(async ({ id, confirmTokenHash: _h, confirmExpiresAt: _e, ...s }) => ({
        ...s,
        labels: (await d.select().from(subscriberLabels).where(eq(subscriberLabels.subscriberId, id))).map((l) =>
          labelOf(l.labelId),
        ),
      })),
    ),
    blocked: (await d.select().from(blockedCommenters).orderBy(asc(blockedCommenters.value))).map(
      ({ id: _b, createdBy, ...b }) => ({ ...b, createdBy: email(createdBy) }),
    ),
    replyFollowers: (await d.select().from(replyFollowers).orderBy(asc(replyFollowers.email))).map(
      ({ id: _r, confirmTokenHash: _h, confirmExpiresAt: _e, ...r }) => r,
    ),
    settings,
    media: fs.readFileSync(path.join(process.env.UPLOADS_DIR!, coverKey)),
  };
}

/**
 * What reader pages render from, through the reader reads: the settings and the header menu, the home page, an
 * article with its comments and its Newer / Older links, a label's page, its author's page, a page, the ads of
 * every slot and the sitemap.
 */
async function readerPages() {
  const d = db();
  const settings = await getSiteSettings(d);
  const withoutIds = (value: unknown) =>
    JSON.parse(JSON.stringify(value, (key, v) => (key === 'id' || key === 'postId' ? undefined : v)));
  const home = await listPublishedPosts(d, { limit: settings.postsPerPage });
  // Not the newest: an article with both a newer and an older one.
  const slug = home.posts[1].slug;
  const article = await getPublishedPostBySlug(d, slug);
  const [label] = await listLabelsWithCounts(d);
  const thread = (await listApprovedCommentsPage(d, article!.id, { skip: 0, perPage: 100 }))!.comments;
  const adjacent = await getAdjacentPublishedPosts(d, { id: article!.id, publishedAt: article!.publishedAt });
  return withoutIds({
    settings,
    menu: readMenu(await getStoredMenu(d)),
    home,
    article,
    adjacent,
    // Threads by place in the list: ids are new.
    comments: thread.map(({ parentId, ...c }) => ({ ...c, parent: thread.findIndex((p) => p.id === parentId) })),
    label: await listPublishedPosts(d, { labelSlug: label.slug, limit: settings.postsPerPage }),
    author: await getAuthorBySlug(d, article!.author.slug),
    authorPage: await listPublishedPosts(d, { authorSlug: article!.author.slug, limit: settings.postsPerPage }),
    page: await getPublishedPageBySlug(d, 'about'),
    ads: await listLiveSlots(d, new Date('2026-03-10T12:00:00Z')),
    sitemap: [
      await listPublishedPostDates(d),
      await listLabelsWithCounts(d),
      await listArchiveMonths(d, settings.timeZone),
      await listPublishedPages(d),
    ],
  });
}

/** Empties the site as a new one would be, but for the admin who restores (matched again by email). */
async function emptySite() {
  const d = db();
  for (const table of [
    subscribers,
    replyFollowers,
    blockedCommenters,
    adSlots,
    comments,
    posts,
    pages,
    labels,
    redirects,
    siteSettings,
  ])
    await d.delete(table);
  await d.delete(users).where(ne(users.email, 'admin@example.com'));
}

/** Runs node with `args` in a process of its own; killed with SIGKILL (as by a power cut) once it prints `until`. */
function node(args: string[], until?: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: process.env });
    let output = '';
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (until && output.includes(until)) child.kill('SIGKILL');
      });
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** The archive at `from` again, each entry's bytes as `change` gives them (unchanged when it gives undefined). */
async function rewritten(from: string, change: (entry: TarEntry) => Buffer | undefined): Promise<string> {
  const blocks: Buffer[] = [];
  const tar = gunzipSync(fs.readFileSync(from));
  for await (const entry of readTar(Readable.from([tar]), tar.length)) {
    const bytes = change(entry) ?? entry.bytes;
    blocks.push(tarHeader(entry.name, bytes.length), bytes, tarPadding(bytes.length));
  }
  const made = path.join(folder, `rewritten-${Math.random()}.tar.gz`);
  fs.writeFileSync(made, gzipSync(Buffer.concat([...blocks, tarEnd()])));
  return made;
}

describe('the export archive', () => {
  const file = path.join(folder, 'site.tar.gz');
  let before: Awaited<ReturnType<typeof snapshot>>;
  let pagesBefore: Awaited<ReturnType<typeof readerPages>>;

  it('restores into an empty site the same site, its uploads written back through storage', async () => {
    await seed();
    before = await snapshot();
    pagesBefore = await readerPages();
    // What the comparison below is worth: an article with both links, a byline with posts, live ads, a menu.
    expect(pagesBefore.adjacent.newer && pagesBefore.adjacent.older).toBeTruthy();
    expect(pagesBefore.authorPage.posts.length).toBeGreaterThan(0);
    expect(pagesBefore.ads.flatMap((slot: { ads: unknown[] }) => slot.ads).length).toBeGreaterThan(0);
    expect(pagesBefore.menu).toHaveLength(2);
    const missing: string[] = [];
    await pipeline(archiveStream(db(), await storage(), 'https://news.example', missing), fs.createWriteStream(file));
    expect(missing).toEqual([]);
    const tar = gunzipSync(fs.readFileSync(file)).toString('latin1');
    expect(tar).toContain('broadsheet.json');
    expect(tar).toContain(`media/${coverKey}`);
    // No password hash and no second factor leave the site.
    expect(tar).not.toContain('SECRET-CIPHERTEXT');
    expect(tar).not.toContain('$argon2');

    await emptySite();
    process.env.UPLOADS_DIR = path.join(folder, 'uploads-after');
    const summary = await importExport(db(), file);
    expect(summary.format).toBe('Broadsheet archive');
    expect(summary.created).toMatchObject({ posts: before.posts.length, pages: 1, comments: before.comments.length });
    expect(summary.images.copied).toBe(1);
    expect(await snapshot()).toEqual(before);
    expect(await readerPages()).toEqual(pagesBefore);
    // What a restore does not carry: restored people set a password with a reset link.
    const restored = await db().select().from(users).where(ne(users.email, 'admin@example.com'));
    expect(restored.every((person) => person.passwordHash === null && person.totpSecret === null)).toBe(true);
  });

  it('refuses to restore into a site that has content, and writes nothing', async () => {
    const restored = await snapshot();
    await expect(importExport(db(), file)).rejects.toThrow(/already has content \(\d+ posts/);
    expect(await snapshot()).toEqual(restored);
  });

  it('takes out what it wrote when a part half way through fails, so the site is empty and a retry restores it', async () => {
    await emptySite();
    // A new site's settings, which a failed restore must leave as they were.
    await db().insert(siteSettings).values({ id: 1, title: 'A new site', postsPerPage: 7 });
    const empty = await snapshot();
    const entries: string[] = [];
    await rewritten(file, (entry) => void entries.push(entry.name));
    // The parts before the comments (settings, people, labels, posts, pages) are written when they fail.
    expect(entries.indexOf('comments/000001.json')).toBeGreaterThan(entries.indexOf('pages/000001.json'));
    expect(entries.indexOf('pages/000001.json')).toBeGreaterThan(entries.indexOf('settings.json'));

    // Refused: a corrupt part in the middle.
    const corrupt = await rewritten(file, (entry) =>
      entry.name === 'comments/000001.json' ? Buffer.from('[{"id": 1, "postId": ') : undefined,
    );
    const refused = await importExport(db(), corrupt).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefusedError);
    expect((refused as Error).message).toMatch(/^This archive is damaged \(comments\/000001\.json: /);
    expect(restoreWasUndone(refused)).toBe(true);
    expect(await snapshot()).toEqual(empty);

    // Failed in the database, after the comments: two slots with one key (the database refuses the second).
    const clash = await rewritten(file, (entry) => {
      if (entry.name !== 'ad-slots/000001.json') return undefined;
      const slots = JSON.parse(entry.bytes.toString()) as { id: number; key: string }[];
      return Buffer.from(JSON.stringify([...slots, { ...slots[0], id: 999_999 }]));
    });
    const failed = await importExport(db(), clash).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(ImportRefusedError);
    expect(restoreWasUndone(failed)).toBe(true);
    expect(await snapshot()).toEqual(empty);

    // The good archive again: the whole site, as it was.
    const summary = await importExport(db(), file);
    expect(summary.created).toMatchObject({ posts: before.posts.length, comments: before.comments.length });
    expect(await snapshot()).toEqual(before);
    expect(await readerPages()).toEqual(pagesBefore);
  });

  it('refuses a damaged archive with what is wrong, and writes nothing', async () => {
    await emptySite();
    const cut = path.join(folder, 'cut.tar.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const refused = await importExport(db(), cut).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefusedError);
    expect((refused as Error).message).toMatch(/^This archive is damaged/);
    expect(await db().select().from(posts)).toEqual([]);
    expect(await db().select().from(comments)).toEqual([]);
    expect(await db().select().from(siteSettings)).toEqual([]);
  });

  it('refuses a second restore while one is running, and leaves the running one whole', async () => {
    await emptySite();
    let reached = () => {};
    let go = () => {};
    const atComments = new Promise<void>((resolve) => (reached = resolve));
    const paused = new Promise<void>((resolve) => (go = resolve));
    const first = importExport(db(), file, {
      progress: async ({ phase }) => {
        if (phase !== 'comments') return;
        reached();
        await paused;
      },
    });
    await atComments;
    // Its marker is there, but it is running: the second restore must not take it for one that was killed.
    await expect(importExport(db(), file)).rejects.toThrow(archiveMessages.running);
    go();
    await first;
    expect(await snapshot()).toEqual(before);
  });

  it(
    'after a restore killed part way, a restore takes out what it wrote first and then restores the whole site',
    {
      timeout: 240_000,
    },
    async () => {
      await emptySite();
      await db().insert(siteSettings).values({ id: 1, title: 'A new site', postsPerPage: 7 });
      // PGlite has one process per folder: the child processes take it in turn (a killed one's lock is taken over).
      const pglite = !env().DATABASE_URL;
      if (pglite) await closeDb();
      const killed = await node(
        ['--conditions=react-server', '--import', 'tsx', 'lib/testing/restore-process.ts', file],
        'comments written',
      );
      expect(killed, killed.output).toEqual({ status: null, output: 'comments written\n' });

      // Part of the archive is in, after the kill: its posts and comments, not yet its ad slots.
      if (pglite) reopened = await getDb();
      expect(await db().select().from(posts)).toHaveLength(before.posts.length);
      expect((await db().select().from(comments)).length).toBeGreaterThan(0);
      expect(await db().select().from(adSlots)).toEqual([]);
      expect(await db().select().from(restoreInProgress)).toHaveLength(1);

      // The command again, as a person retrying would run it.
      if (pglite) await closeDb();
      const retry = await node([...importNodeArgs(), 'scripts/import.ts', file]);
      expect(retry.status, retry.output).toBe(0);
      expect(retry.output).toContain(`${importMessages.earlierRestoreUndone} Imported ${before.posts.length} posts`);
      if (pglite) reopened = await getDb();
      expect(await snapshot()).toEqual(before);
      expect(await readerPages()).toEqual(pagesBefore);
      expect(await db().select().from(restoreInProgress)).toEqual([]);
    },
  );

  /** An archive written by hand: the manifest, then the given parts. */
  function handMade(parts: [string, unknown][], version = 1) {
    const manifest = {
      format: 'broadsheet-archive',
      version,
      exportedAt: new Date(),
      siteUrl: 'x',
      uploadsUrl: '/uploads/',
    };
    const blocks = [['broadsheet.json', manifest] as [string, unknown], ...parts].flatMap(([name, value]) => {
      const bytes = Buffer.from(JSON.stringify(value));
      return [tarHeader(name, bytes.length), bytes, tarPadding(bytes.length)];
    });
    const made = path.join(folder, `hand-${Math.random()}.tar.gz`);
    fs.writeFileSync(made, gzipSync(Buffer.concat([...blocks, tarEnd()])));
    return made;
  }

  it('leaves out, and names, rows that point at what was added while the archive was written', async () => {
    await emptySite();
    const [admin] = await db().select().from(users);
    const at = '2026-01-01T00:00:00.000Z';
    const post = { id: 7, title: 'Kept', slug: 'kept', excerpt: '', bodyHtml: '<p>Kept</p>', coverImage: null };
    const made = handMade([
      ['people/000001.json', [{ ...admin, deactivatedAt: null, createdAt: at }]],
      [
        'posts/000001.json',
        [
          {
            ...post,
            ...{ coverAlt: '', status: 'published', publishedAt: at, publishError: null, deletedAt: null },
            ...{ emailFollowers: true, emailQueuedAt: null, commentsMode: 'site', authorId: admin.id },
            ...{ createdAt: at, updatedAt: at, labelIds: [99], revisions: [] },
          },
        ],
      ],
      [
        'comments/000001.json',
        [8, 9].map((id) => ({
          ...{ id, postId: id === 8 ? 7 : 70, parentId: null, authorName: `Reader ${id}`, authorEmail: null },
          ...{ authorUserId: null, reason: null, body: 'Hello', status: 'approved', createdAt: at },
        })),
      ],
    ]);
    const summary = await importExport(db(), made);
    expect(summary.created).toMatchObject({ posts: 1, comments: 1 });
    expect(summary.skipped).toEqual([
      { item: 'comment by Reader 9', reason: 'what it belongs to was added while the archive was being written' },
    ]);
    expect((await db().select().from(comments)).map((c) => c.authorName)).toEqual(['Reader 8']);
  });

  it('refuses an archive of a newer version, or with a row of the wrong shape', async () => {
    await emptySite();
    await expect(importExport(db(), handMade([], 2))).rejects.toThrow(/newer Broadsheet \(archive version 2\)/);
    const wrong = handMade([['labels/000001.json', [{ id: 1, name: 'No slug' }]]]);
    await expect(importExport(db(), wrong)).rejects.toThrow(/damaged \(labels\/000001\.json: .*slug/s);
    expect(await db().select().from(labels)).toEqual([]);
  });
});
