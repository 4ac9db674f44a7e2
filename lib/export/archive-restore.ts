import 'server-only';
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { count, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
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
  subscriberLabels,
  replyFollowers,
  subscribers,
  users,
} from '@/db/schema';
import type { Database } from '@/lib/db';
import type { ImportOptions, ImportSummary } from '@/lib/import/run-import';
import { ImportRefusedError } from '@/lib/import/xml-items';
import { writePage } from '@/lib/pages/write';
import { writePost } from '@/lib/posts/write';
import { sanitizePostHtml } from '@/lib/sanitize/html';
import { storage, type Storage } from '@/lib/storage';
import { isSafeKey, typeOfKey } from '@/lib/storage/storage';
import { manifestSchema, partSchemas, settingsSchema, type PartName, type PartRow } from './archive-schema';
import { readTar, type TarEntry } from './tar';

/** A part file (a batch of rows) or one upload is never larger than this: anything more is not our archive. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export const archiveMessages = {
  damaged: (where: string, detail: string) => `This archive is damaged (${where}: ${detail}). Nothing was restored.`,
  version: (version: unknown) =>
    `This archive was written by a newer Broadsheet (archive version ${String(version)}): update this site first.`,
  /** Parts are read one after another from a live site: a row may point at one added after its part was read. */
  missing: 'what it belongs to was added while the archive was being written',
  /** A restore that stopped and could not take out what it had written. */
  notUndone: (why: string, undoError: string) =>
    `The restore stopped (${why}), and taking out what it had written failed too (${undoError}): the site holds ` +
    'part of the archive. Restore into a new, empty database.',
  notEmpty: (what: string) =>
    `This site already has content (${what}). A Broadsheet archive is restored only into an empty site, so that ` +
    'nothing is mixed or overwritten: restore it into a new database, or import a WXR export to merge.',
};

/** Whether a file is gzip (our archive); export files of Blogger and WordPress are XML. */
export async function isArchive(path: string): Promise<boolean> {
  const handle = await fs.promises.open(path);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function* entriesOf(path: string): AsyncGenerator<TarEntry> {
  const stream = fs.createReadStream(path).pipe(createGunzip());
  try {
    yield* readTar(stream, MAX_ENTRY_BYTES);
  } catch (error) {
    throw error instanceof ImportRefusedError
      ? error
      : new ImportRefusedError(archiveMessages.damaged('reading it', (error as Error).message));
  } finally {
    stream.destroy();
  }
}

function parse<T extends z.ZodType>(entry: TarEntry, schema: T): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(entry.bytes.toString('utf8'));
  } catch (error) {
    throw new ImportRefusedError(archiveMessages.damaged(entry.name, (error as Error).message));
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new ImportRefusedError(archiveMessages.damaged(entry.name, z.prettifyError(result.error)));
  return result.data;
}

/** What the site holds already: a restore goes only into a site with none of it (people may exist: they are matched). */
async function contentOf(db: Database): Promise<string | null> {
  const tables = { post: posts, page: pages, comment: comments, label: labels, redirect: redirects } as const;
  const more = { 'ad slot': adSlots, follower: subscribers } as const;
  const found: string[] = [];
  for (const [name, table] of Object.entries({ ...tables, ...more })) {
    const n = Number((await db.select({ n: count() }).from(table))[0].n);
    if (n > 0) found.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  return found.length ? found.join(', ') : null;
}

type Ids = {
  people: Map<string, string>;
  /** People created (the rest were here already, matched by email). */
  newPeople: number;
  labels: Map<number, number>;
  posts: Map<number, number>;
  comments: Map<number, number>;
  slots: Map<number, number>;
  ads: Map<number, number>;
};

/**
 * The ids of every row a restore created, table by table (rows with no id of their own, such as a post's labels and
 * revisions, an ad's daily figures or a follower's labels, go with theirs by cascade), and the settings as they were
 * before it wrote them: what a failed restore takes out again, so that the site is empty and a retry starts afresh.
 */
type Written = {
  people: string[];
  labels: number[];
  posts: number[];
  pages: number[];
  comments: number[];
  redirects: number[];
  slots: number[];
  ads: number[];
  requests: number[];
  subscribers: number[];
  blocked: number[];
  replyFollowers: number[];
  /** The settings row before the restore wrote it (null: there was none); undefined until it writes them. */
  settingsBefore?: typeof siteSettings.$inferSelect | null;
};

const UNDO_BATCH = 1000;

/**
 * Takes out what a failed restore wrote, by id, most dependent rows first (posts before the people who wrote them),
 * a batch of ids per statement, each statement its own transaction as the restore's parts were: readers wait for
 * one batch at a time. Rows others added meanwhile stay, but for those that hang on a restored row (a reader's
 * comment on a restored post), which go with it.
 */
async function undo(db: Database, written: Written): Promise<void> {
  const remove = async <Id extends number | string>(ids: Id[], statement: (batch: Id[]) => Promise<unknown>) => {
    for (let at = 0; at < ids.length; at += UNDO_BATCH) await statement(ids.slice(at, at + UNDO_BATCH));
  };
  await remove(written.requests, (batch) => db.delete(adRequests).where(inArray(adRequests.id, batch)));
  await remove(written.ads, (batch) => db.delete(ads).where(inArray(ads.id, batch)));
  await remove(written.slots, (batch) => db.delete(adSlots).where(inArray(adSlots.id, batch)));
  await remove(written.subscribers, (batch) => db.delete(subscribers).where(inArray(subscribers.id, batch)));
  await remove(written.replyFollowers, (batch) => db.delete(replyFollowers).where(inArray(replyFollowers.id, batch)));
  await remove(written.blocked, (batch) => db.delete(blockedCommenters).where(inArray(blockedCommenters.id, batch)));
  await remove(written.redirects, (batch) => db.delete(redirects).where(inArray(redirects.id, batch)));
  await remove(written.comments, (batch) => db.delete(comments).where(inArray(comments.id, batch)));
  await remove(written.posts, (batch) => db.delete(posts).where(inArray(posts.id, batch)));
  await remove(written.pages, (batch) => db.delete(pages).where(inArray(pages.id, batch)));
  await remove(written.labels, (batch) => db.delete(labels).where(inArray(labels.id, batch)));
  await remove(written.people, (batch) => db.delete(users).where(inArray(users.id, batch)));
  if (written.settingsBefore === null) await db.delete(siteSettings).where(eq(siteSettings.id, 1));
  else if (written.settingsBefore) {
    const { id: _id, ...before } = written.settingsBefore;
    await db.update(siteSettings).set(before).where(eq(siteSettings.id, 1));
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A restore stopped, and taking out what it had written failed too: the site holds part of the archive. */
export class RestoreNotUndoneError extends Error {
  constructor(why: unknown, undoError: unknown, options: ErrorOptions) {
    super(archiveMessages.notUndone(messageOf(why), messageOf(undoError)), options);
    this.name = 'RestoreNotUndoneError';
  }
}

/** Errors of restores that failed after writing rows: pages cached meanwhile may show them. */
const undoneErrors = new WeakSet<object>();

/**
 * Whether a failed import was a restore that had written rows before it failed (and took them out again): readers
 * may have seen them meanwhile, so every cached page is to be revalidated, as after a restore that succeeded.
 */
export function restoreWasUndone(error: unknown): boolean {
  return typeof error === 'object' && error !== null && undoneErrors.has(error);
}

/** Left out of a restore, named in its summary. */
type Skip = (item: string, reason?: string) => void;

type Restorers = { [P in PartName]: (tx: Database, rows: PartRow<P>[]) => Promise<void> };

/** How each part's rows are written, mapping old ids to new; `url` moves upload addresses to this site's storage. */
function restorers(ids: Ids, written: Written, url: (text: string) => string, skip: Skip): Restorers {
  const urlOrNull = (text: string | null) => (text === null ? null : url(text));
  const body = (html: string) => sanitizePostHtml(url(html));
  return {
    async people(tx, rows) {
      const known = await tx
        .select({ id: users.id, email: users.email, slug: users.slug })
        .from(users)
        .where(
          or(
            inArray(
              users.email,
              rows.map((r) => r.email),
            ),
            inArray(
              users.slug,
              rows.map((r) => r.slug),
            ),
          ),
        );
      for (const { id: old, ...person } of rows) {
        const same = known.find((user) => user.email === person.email);
        if (same) {
          ids.people.set(old, same.id);
          continue;
        }
        const slug = known.some((user) => user.slug === person.slug) ? `${person.slug}-2` : person.slug;
        const [created] = await tx
          .insert(users)
          .values({ ...person, slug, image: urlOrNull(person.image) })
          .returning({ id: users.id });
        written.people.push(created.id);
        ids.people.set(old, created.id);
        ids.newPeople++;
      }
    },
    async labels(tx, rows) {
      const created = await tx
        .insert(labels)
        .values(rows.map(({ name, slug }) => ({ name, slug })))
        .returning();
      written.labels.push(...created.map((label) => label.id));
      for (const row of rows) ids.labels.set(row.id, created.find((label) => label.slug === row.slug)!.id);
    },
    async posts(tx, rows) {
      for (const { id: old, labelIds, revisions, ...post } of rows) {
        const authorId = ids.people.get(post.authorId);
        if (!authorId) {
          skip(`post “${post.title}”`);
          continue;
        }
        const id = await writePost(tx, {
          ...post,
          bodyHtml: body(post.bodyHtml),
          coverImage: urlOrNull(post.coverImage),
          authorId,
        });
        written.posts.push(id);
        ids.posts.set(old, id);
        const labelled = labelIds.flatMap((label) => ids.labels.get(label) ?? []);
        if (labelled.length) await tx.insert(postLabels).values(labelled.map((labelId) => ({ postId: id, labelId })));
        if (revisions.length)
          await tx.insert(postRevisions).values(
            revisions.map((r) => ({
              ...r,
              postId: id,
              bodyHtml: body(r.bodyHtml),
              savedBy: r.savedBy && (ids.people.get(r.savedBy) ?? null),
            })),
          );
      }
    },
    async pages(tx, rows) {
      for (const { id: _old, revisions, ...page } of rows) {
        const id = await writePage(tx, {
          ...page,
          bodyHtml: body(page.bodyHtml),
          authorId: page.authorId && (ids.people.get(page.authorId) ?? null),
        });
        written.pages.push(id);
        if (revisions.length)
          await tx.insert(pageRevisions).values(
            revisions.map((r) => ({
              ...r,
              pageId: id,
              bodyHtml: body(r.bodyHtml),
              savedBy: r.savedBy && (ids.people.get(r.savedBy) ?? null),
            })),
          );
      }
    },
    async comments(tx, rows) {
      // Replies come after the comments they answer (ids grow), but may share a batch with them: each round writes
      // the rows whose parent is already written.
      let waiting = rows.filter((c) => ids.posts.has(c.postId) || void skip(`comment by ${c.authorName}`));
      while (waiting.length > 0) {
        // A reply at the deepest level also names the comment it answers, which may wait in this round too.
        const waitingIds = new Set(waiting.map((c) => c.id));
        const ready = waiting.filter(
          (c) =>
            (c.parentId === null || ids.comments.has(c.parentId)) &&
            (c.replyToId === null || !waitingIds.has(c.replyToId)),
        );
        waiting = waiting.filter((c) => !ready.includes(c));
        if (ready.length === 0) {
          // Replies to comments that did not come (nor will: parents come first).
          for (const c of waiting) skip(`comment by ${c.authorName}`);
          return;
        }
        const created = await tx
          .insert(comments)
          .values(
            ready.map(({ id: _id, ...c }) => ({
              ...c,
              postId: ids.posts.get(c.postId)!,
              parentId: c.parentId === null ? null : ids.comments.get(c.parentId)!,
              replyToId: c.replyToId === null ? null : (ids.comments.get(c.replyToId) ?? null),
              authorUserId: c.authorUserId && (ids.people.get(c.authorUserId) ?? null),
            })),
          )
          .returning({ id: comments.id, createdAt: comments.createdAt, body: comments.body });
        written.comments.push(...created.map((c) => c.id));
        // Rows come back in the order they were given; checked, since the thread depends on it.
        ready.forEach((c, i) => {
          if (created[i].body !== c.body || created[i].createdAt.getTime() !== c.createdAt.getTime())
            throw new Error('comments came back out of order');
          ids.comments.set(c.id, created[i].id);
        });
      }
    },
    async redirects(tx, rows) {
      const created = await tx.insert(redirects).values(rows).onConflictDoNothing().returning({ id: redirects.id });
      written.redirects.push(...created.map((row) => row.id));
    },
    async 'ad-slots'(tx, rows) {
      const created = await tx
        .insert(adSlots)
        .values(
          rows.map(({ id: _id, ...slot }) => ({
            ...slot,
            labelId: slot.labelId && (ids.labels.get(slot.labelId) ?? null),
          })),
        )
        .returning({ id: adSlots.id, key: adSlots.key });
      written.slots.push(...created.map((slot) => slot.id));
      for (const row of rows) ids.slots.set(row.id, created.find((slot) => slot.key === row.key)!.id);
    },
    async ads(tx, rows) {
      const placed = rows.filter((ad) => ids.slots.has(ad.slotId) || void skip(`ad of ${ad.advertiser}`));
      if (placed.length === 0) return;
      const created = await tx
        .insert(ads)
        .values(
          placed.map(({ id: _id, ...ad }) => ({
            ...ad,
            imageUrl: url(ad.imageUrl),
            slotId: ids.slots.get(ad.slotId)!,
          })),
        )
        .returning({ id: ads.id, reportToken: ads.reportToken });
      written.ads.push(...created.map((ad) => ad.id));
      for (const row of placed) ids.ads.set(row.id, created.find((ad) => ad.reportToken === row.reportToken)!.id);
    },
    async 'ad-days'(tx, rows) {
      const days = rows.flatMap((row) => {
        const adId = ids.ads.get(row.adId);
        return adId ? [{ ...row, adId }] : [];
      });
      if (days.length) await tx.insert(adDailyStats).values(days);
    },
    async 'ad-requests'(tx, rows) {
      const requests = rows.filter((row) => ids.slots.has(row.slotId) || void skip(`request of ${row.company}`));
      if (requests.length === 0) return;
      const created = await tx
        .insert(adRequests)
        .values(
          requests.map((row) => ({
            ...row,
            creativeUrl: urlOrNull(row.creativeUrl),
            slotId: ids.slots.get(row.slotId)!,
            adId: row.adId && (ids.ads.get(row.adId) ?? null),
          })),
        )
        .returning({ id: adRequests.id });
      written.requests.push(...created.map((row) => row.id));
    },
    async subscribers(tx, rows) {
      const created = await tx
        .insert(subscribers)
        .values(rows.map(({ labelIds: _labels, ...row }) => row))
        .returning({ id: subscribers.id, email: subscribers.email });
      written.subscribers.push(...created.map((s) => s.id));
      const follows = rows.flatMap((row) =>
        row.labelIds.flatMap((label) => {
          const labelId = ids.labels.get(label);
          return labelId ? [{ subscriberId: created.find((s) => s.email === row.email)!.id, labelId }] : [];
        }),
      );
      if (follows.length) await tx.insert(subscriberLabels).values(follows);
    },
    async 'blocked-commenters'(tx, rows) {
      const created = await tx
        .insert(blockedCommenters)
        .values(rows.map((row) => ({ ...row, createdBy: row.createdBy && (ids.people.get(row.createdBy) ?? null) })))
        .onConflictDoNothing()
        .returning({ id: blockedCommenters.id });
      written.blocked.push(...created.map((row) => row.id));
    },
    async 'reply-followers'(tx, rows) {
      const created = await tx.insert(replyFollowers).values(rows).returning({ id: replyFollowers.id });
      written.replyFollowers.push(...created.map((row) => row.id));
    },
  };
}

const partNames = new Set(Object.keys(partSchemas));

/**
 * Restores our own archive (lib/export/archive.ts) into an empty site, as the importer's third format: the same
 * posts, pages, labels, comments and threads, people (without passwords: they set one with a reset link), ads,
 * figures, requests, followers, settings, menu and redirects, with new ids; uploads are written back through the
 * storage interface under their keys, so bodies keep pointing at them. Each part file (at most 200 rows) is written
 * in a transaction of its own, so that readers, who share PGlite's one connection with it, wait for one part at a
 * time and not for the whole restore; if anything fails (a damaged part, a cut-off file, the database), what was
 * written is taken out again by id and the settings put back, so the site is empty as before and a retry starts
 * afresh (uploads already written stay, unreferenced, and a retry writes them again).
 */
export async function restoreArchive(db: Database, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  await options.progress?.({ phase: 'reading', done: 0, total: 0 });
  const entries = entriesOf(path);
  try {
    return await restoreEntries(db, entries, options);
  } finally {
    // Closes the file when the restore stops early (refused, or failed).
    await entries.return(undefined);
  }
}

async function restoreEntries(
  db: Database,
  entries: AsyncGenerator<TarEntry>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const first = await entries.next();
  if (first.done || first.value.name !== 'broadsheet.json')
    throw new ImportRefusedError(archiveMessages.damaged('its start', 'no broadsheet.json'));
  const version = parse(first.value, z.object({ version: z.unknown() })).version;
  if (typeof version === 'number' && version > manifestSchema.shape.version.value)
    throw new ImportRefusedError(archiveMessages.version(version));
  const manifest = parse(first.value, manifestSchema);
  const content = await contentOf(db);
  if (content) throw new ImportRefusedError(archiveMessages.notEmpty(content));

  const files: Storage = await storage();
  const here = files.url('');
  const moved = manifest.uploadsUrl !== '/uploads/' && manifest.uploadsUrl !== here;
  const url = (text: string) => (moved ? text.replaceAll(manifest.uploadsUrl, here) : text);
  const found = { posts: 0, pages: 0, comments: 0, labels: 0, authors: 0 };
  const summary: ImportSummary = {
    format: 'Broadsheet archive',
    dryRun: Boolean(options.dryRun),
    found,
    created: { ...found },
    images: { copied: 0, leftAtOldAddress: 0, failures: [] },
    skipped: [],
    renamed: [],
    postSlugs: [],
    wholeSite: !options.dryRun,
  };
  const ids: Ids = {
    people: new Map(),
    newPeople: 0,
    labels: new Map(),
    posts: new Map(),
    comments: new Map(),
    slots: new Map(),
    ads: new Map(),
  };
  const written: Written = {
    ...{ people: [], labels: [], posts: [], pages: [], comments: [], redirects: [] },
    ...{ slots: [], ads: [], requests: [], subscribers: [], blocked: [], replyFollowers: [] },
  };
  const skip: Skip = (item, reason = archiveMessages.missing) => void summary.skipped.push({ item, reason });
  const write = restorers(ids, written, url, skip);
  const counted: Partial<Record<PartName, keyof typeof found>> = {
    posts: 'posts',
    pages: 'pages',
    comments: 'comments',
    labels: 'labels',
    people: 'authors',
  };

  const restore = async () => {
    for await (const entry of entries) {
      if (entry.name === 'settings.json') {
        const settings = parse(entry, settingsSchema);
        if (options.dryRun) continue;
        const [before] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1));
        written.settingsBefore = before ?? null;
        await db
          .insert(siteSettings)
          .values({ id: 1, ...settings })
          .onConflictDoUpdate({ target: siteSettings.id, set: { ...settings, updatedAt: new Date() } });
      } else if (entry.name.startsWith('media/')) {
        const key = entry.name.slice('media/'.length);
        const type = typeOfKey(key);
        if (!isSafeKey(key) || !type)
          throw new ImportRefusedError(archiveMessages.damaged(entry.name, 'not an upload'));
        if (options.media !== false && !options.dryRun) await files.put(key, entry.bytes, type);
        if (options.media === false) summary.images.leftAtOldAddress++;
        else summary.images.copied++;
      } else {
        const part = entry.name.split('/')[0] as PartName;
        if (!partNames.has(part)) throw new ImportRefusedError(archiveMessages.damaged(entry.name, 'an unknown part'));
        const rows = parse(entry, z.array(partSchemas[part]));
        const field = counted[part];
        if (field) found[field] += rows.length;
        if (part === 'posts')
          summary.postSlugs.push(
            ...(rows as PartRow<'posts'>[]).filter((p) => p.status === 'published' && !p.deletedAt).map((p) => p.slug),
          );
        if (options.dryRun) continue;
        await db.transaction((tx) => (write[part] as (tx: Database, rows: unknown[]) => Promise<void>)(tx, rows));
        // Each part is kept as it is written, so the import page can say how far it is (the archive does not say
        // how many there are in all), and a long restore is not taken for one cut off by a restart.
        if (part === 'posts' || part === 'pages')
          await options.progress?.({ phase: 'posts', done: found.posts + found.pages, total: 0 });
        else if (part === 'comments') await options.progress?.({ phase: 'comments', done: found.comments, total: 0 });
      }
    }
  };
  try {
    await restore();
  } catch (error) {
    if (options.dryRun) throw error;
    const wroteSome =
      written.settingsBefore !== undefined || Object.values(written).some((rows) => Array.isArray(rows) && rows.length);
    let thrown = error;
    try {
      await undo(db, written);
    } catch (undoError) {
      console.error('A failed restore could not be taken out:', undoError);
      thrown = new RestoreNotUndoneError(error, undoError, { cause: error });
    }
    if (wroteSome && typeof thrown === 'object' && thrown !== null) undoneErrors.add(thrown);
    throw thrown;
  }
  if (!options.dryRun) {
    summary.created = {
      ...{ posts: ids.posts.size, pages: found.pages, comments: ids.comments.size },
      ...{ labels: ids.labels.size, authors: ids.newPeople },
    };
    await options.progress?.({ phase: 'posts', done: found.posts + found.pages, total: found.posts + found.pages });
  }
  // Listings and the newest articles are refreshed by these; older articles render on their first visit.
  summary.postSlugs = summary.postSlugs.slice(-100);
  return summary;
}
