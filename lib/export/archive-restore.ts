import 'server-only';
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { count, getTableName, gt, inArray, max, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Sql } from 'postgres';
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
  restoreInProgress,
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
  /** A restore that stopped and could not take out what it had written: the next restore does it first. */
  notUndone: (why: string, undoError: string) =>
    `The restore stopped (${why}), and taking out what it had written failed too (${undoError}): the site holds ` +
    'part of the archive until a restore is run again, which takes it out first.',
  running: 'A restore into this site is running already: wait for it to finish.',
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
async function refuseContent(db: Database): Promise<void> {
  const tables = { post: posts, page: pages, comment: comments, label: labels, redirect: redirects } as const;
  const more = { 'ad slot': adSlots, follower: subscribers } as const;
  const found: string[] = [];
  for (const [name, table] of Object.entries({ ...tables, ...more })) {
    const n = Number((await db.select({ n: count() }).from(table))[0].n);
    if (n > 0) found.push(`${n} ${name}${n === 1 ? '' : 's'}`);
  }
  if (found.length) throw new ImportRefusedError(archiveMessages.notEmpty(found.join(', ')));
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
 * The tables a restore writes rows with ids of their own into, most dependent first, the order they are taken out in
 * (rows with no id of their own, such as a post's labels and revisions, an ad's daily figures or a follower's labels,
 * go with theirs by cascade). People, whose ids are not in order, are told apart by the list of those there were.
 */
const restoredTables: (PgTable & { id: PgColumn })[] = [
  ...[adRequests, ads, adSlots, subscribers, replyFollowers, blockedCommenters],
  ...[redirects, comments, posts, pages, labels],
];

/**
 * The marker of a restore under way, written with the check that the site is empty: the largest ids, the people
 * and the settings of that empty site, which is what undo() brings the site back to.
 */
async function markRestoreStarted(tx: Database): Promise<void> {
  const idsBefore: Record<string, number> = {};
  for (const table of restoredTables)
    idsBefore[getTableName(table)] = Number((await tx.select({ n: max(table.id) }).from(table))[0].n ?? 0);
  await tx.insert(restoreInProgress).values({
    idsBefore,
    peopleBefore: (await tx.select({ id: users.id }).from(users)).map((person) => person.id),
    settingsBefore: sql`(select to_jsonb(s) from ${siteSettings} s)`,
  });
}

const UNDO_BATCH = 1000;

/** Deletes a table's rows that `which` picks, a batch per statement, each its own transaction. */
async function removeInBatches(db: Database, table: PgTable & { id: PgColumn }, which: SQL | undefined) {
  const batch = () => db.select({ id: table.id }).from(table).where(which).limit(UNDO_BATCH);
  while ((await db.delete(table).where(inArray(table.id, batch())).returning({ id: table.id })).length > 0);
}

/**
 * Takes out what a restore wrote, whether it failed in this process or its process was killed: the site is brought
 * back to the empty site its marker describes (every row past the ids there were, most dependent first; every person
 * not there before; the settings as they were), and the marker goes with the settings, in one transaction. Batches
 * are transactions of their own, as the restore's parts were: readers wait for one batch at a time. Rows others
 * added meanwhile go too: they were added to a site that was being restored.
 */
async function undo(db: Database): Promise<void> {
  const [marker] = await db.select().from(restoreInProgress);
  if (!marker) return;
  for (const table of restoredTables)
    await removeInBatches(db, table, gt(table.id, marker.idsBefore[getTableName(table)] ?? 0));
  await removeInBatches(db, users, notInArray(users.id, marker.peopleBefore));
  await db.transaction(async (tx) => {
    await tx.delete(siteSettings);
    await tx.execute(
      sql`insert into ${siteSettings} select settings.* from ${restoreInProgress} marker,
        jsonb_populate_record(null::${siteSettings}, marker.settings_before) settings
        where marker.settings_before is not null`,
    );
    await tx.delete(restoreInProgress);
  });
}

/** Any constant works: it only has to be the same for every process that restores into this database. */
const RESTORE_LOCK_KEY = 7_311_006;
/** Restores running in this process, by database: on PGlite, which one process opens at a time, there are no others. */
const restoring = new WeakSet<Database>();

/**
 * Claims the database for one restore, so that a restore running is never taken for one whose process was killed
 * (and taken out under it). On PostgreSQL a session's advisory lock on a connection of the restore's own: the
 * server drops it when the process dies. Returns what releases it.
 */
async function claimRestore(db: Database): Promise<() => Promise<void>> {
  const client = (db as unknown as { $client: Sql | object }).$client;
  if ('reserve' in client) {
    const connection = await client.reserve();
    const [{ claimed }] = await connection`select pg_try_advisory_lock(${RESTORE_LOCK_KEY}) as claimed`;
    if (!claimed) connection.release();
    else
      return async () => {
        await connection`select pg_advisory_unlock(${RESTORE_LOCK_KEY})`;
        connection.release();
      };
  } else if (!restoring.has(db)) {
    restoring.add(db);
    return async () => void restoring.delete(db);
  }
  throw new ImportRefusedError(archiveMessages.running);
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
function restorers(ids: Ids, url: (text: string) => string, skip: Skip): Restorers {
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
        ids.people.set(old, created.id);
        ids.newPeople++;
      }
    },
    async labels(tx, rows) {
      const created = await tx
        .insert(labels)
        .values(rows.map(({ name, slug }) => ({ name, slug })))
        .returning();
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
        // Rows come back in the order they were given; checked, since the thread depends on it.
        ready.forEach((c, i) => {
          if (created[i].body !== c.body || created[i].createdAt.getTime() !== c.createdAt.getTime())
            throw new Error('comments came back out of order');
          ids.comments.set(c.id, created[i].id);
        });
      }
    },
    async redirects(tx, rows) {
      await tx.insert(redirects).values(rows).onConflictDoNothing();
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
      await tx.insert(adRequests).values(
        requests.map((row) => ({
          ...row,
          creativeUrl: urlOrNull(row.creativeUrl),
          slotId: ids.slots.get(row.slotId)!,
          adId: row.adId && (ids.ads.get(row.adId) ?? null),
        })),
      );
    },
    async subscribers(tx, rows) {
      const created = await tx
        .insert(subscribers)
        .values(rows.map(({ labelIds: _labels, ...row }) => row))
        .returning({ id: subscribers.id, email: subscribers.email });
      const follows = rows.flatMap((row) =>
        row.labelIds.flatMap((label) => {
          const labelId = ids.labels.get(label);
          return labelId ? [{ subscriberId: created.find((s) => s.email === row.email)!.id, labelId }] : [];
        }),
      );
      if (follows.length) await tx.insert(subscriberLabels).values(follows);
    },
    async 'blocked-commenters'(tx, rows) {
      await tx
        .insert(blockedCommenters)
        .values(rows.map((row) => ({ ...row, createdBy: row.createdBy && (ids.people.get(row.createdBy) ?? null) })))
        .onConflictDoNothing();
    },
    async 'reply-followers'(tx, rows) {
      await tx.insert(replyFollowers).values(rows);
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
 * time and not for the whole restore. A marker in the database says a restore is under way until it ends: if anything
 * fails (a damaged part, a cut-off file, the database), what was written is taken out again and the settings put
 * back, so the site is empty as before and a retry starts afresh; if its process is killed, the next restore does
 * that first (uploads already written stay, unreferenced, and a retry writes them again).
 */
export async function restoreArchive(db: Database, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  await options.progress?.({ phase: 'reading', done: 0, total: 0 });
  const release = options.dryRun ? undefined : await claimRestore(db);
  const entries = entriesOf(path);
  try {
    return await restoreEntries(db, entries, options);
  } finally {
    // Closes the file when the restore stops early (refused, or failed).
    await entries.return(undefined);
    await release?.();
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
  // A marker with no restore running (claimRestore) was left by one whose process was killed part way: what it
  // wrote is taken out first (a dry run only leaves it out of the check), and this restore goes into that empty site.
  const stopped = (await db.select({ id: restoreInProgress.id }).from(restoreInProgress)).length > 0;
  if (stopped && !options.dryRun) {
    await options.progress?.({ phase: 'undoing', done: 0, total: 0 });
    await undo(db);
  }
  if (!options.dryRun)
    await db.transaction(async (tx) => {
      await refuseContent(tx);
      await markRestoreStarted(tx);
    });
  else if (!stopped) await refuseContent(db);

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
    earlierRestoreUndone: stopped && !options.dryRun,
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
  // Whether readers may have seen rows that a failure takes out: this restore's, or those of the stopped one.
  let wrote = stopped;
  const skip: Skip = (item, reason = archiveMessages.missing) => void summary.skipped.push({ item, reason });
  const write = restorers(ids, url, skip);
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
        wrote = true;
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
        wrote = true;
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
    let thrown = error;
    try {
      await undo(db);
    } catch (undoError) {
      console.error('A failed restore could not be taken out:', undoError);
      thrown = new RestoreNotUndoneError(error, undoError, { cause: error });
    }
    if (wrote && typeof thrown === 'object' && thrown !== null) undoneErrors.add(thrown);
    throw thrown;
  }
  if (!options.dryRun) {
    await db.delete(restoreInProgress);
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
