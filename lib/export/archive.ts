import 'server-only';
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { createGzip } from 'node:zlib';
import type { z } from 'zod';
import { asc, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
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
import type { Storage } from '@/lib/storage';
import { isSafeKey, typeOfKey } from '@/lib/storage/storage';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, settingsSchema, type PartInput, type PartName } from './archive-schema';
import { tarEnd, tarHeader, tarPadding } from './tar';

/** `npm run export -- FILE` writes our archive when FILE ends so, WXR when it ends in `.xml`. */
export const ARCHIVE_EXTENSION = '.tar.gz';
const BATCH = 200;
/** Below every uuid: where reading people starts. */
const NO_UUID = '00000000-0000-0000-0000-000000000000';

const pick = <T extends object, K extends keyof T>(from: T, keys: K[]) =>
  Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;

/** The uploads a text points at (`/uploads/KEY`, or `PREFIX/KEY` when files are served from elsewhere). */
function mediaKeys(text: string | null, prefixes: string[], into: Set<string>): void {
  if (!text) return;
  for (const prefix of prefixes)
    for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
      const key = /^[\w./-]+/.exec(text.slice(at + prefix.length, at + prefix.length + 600))?.[0] ?? '';
      if (isSafeKey(key) && typeOfKey(key)) into.add(key);
    }
}

/** Rows of a table a batch at a time, in id order: each read starts after the last id of the one before. */
async function* byId<Row extends { id: Id }, Id extends number | string = number>(
  read: (after: Id) => Promise<Row[]>,
  first = 0 as Id,
): AsyncGenerator<Row[]> {
  for (let after = first; ;) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
  }
}

type Parts = { [P in PartName]: () => AsyncGenerator<PartInput<P>[]> };

/** Each part of the archive as batches of rows in its JSON shape (lib/export/archive-schema.ts). */
function parts(db: Database, media: Set<string>, prefixes: string[]): Parts {
  const text = (value: string | null) => mediaKeys(value, prefixes, media);
  const iso = <T extends Record<string, unknown>>(row: T) => JSON.parse(JSON.stringify(row));
  return {
    async *people() {
      // Never the password hash, second factor or session columns: only these.
      const columns = pick(getTableColumns(users), [
        ...['id', 'email', 'name', 'slug', 'bio', 'image', 'role', 'deactivatedAt', 'createdAt'],
      ] as const);
      const read = (after: string) =>
        db.select(columns).from(users).where(gt(users.id, after)).orderBy(asc(users.id)).limit(BATCH);
      for await (const batch of byId<Awaited<ReturnType<typeof read>>[number], string>(read, NO_UUID)) {
        for (const row of batch) text(row.image);
        yield batch.map(iso);
      }
    },
    async *labels() {
      yield* byId((after) => db.select().from(labels).where(gt(labels.id, after)).orderBy(asc(labels.id)).limit(BATCH));
    },
    async *posts() {
      const { searchWords: _words, previewSecret: _secret, ...columns } = getTableColumns(posts);
      for await (const batch of byId((after) =>
        db.select(columns).from(posts).where(gt(posts.id, after)).orderBy(asc(posts.id)).limit(BATCH),
      )) {
        const ids = batch.map((post) => post.id);
        const labelRows = await db.select().from(postLabels).where(inArray(postLabels.postId, ids));
        const revisions = await db
          .select()
          .from(postRevisions)
          .where(inArray(postRevisions.postId, ids))
          .orderBy(asc(postRevisions.id));
        yield batch.map((post) => {
          text(post.bodyHtml);
          text(post.coverImage);
          const own = revisions.filter((revision) => revision.postId === post.id);
          for (const revision of own) text(revision.bodyHtml);
          return iso({
            ...post,
            labelIds: labelRows.filter((row) => row.postId === post.id).map((row) => row.labelId),
            revisions: own.map((r) => pick(r, ['title', 'excerpt', 'bodyHtml', 'savedBy', 'createdAt'])),
          });
        });
      }
    },
    async *pages() {
      for await (const batch of byId((after) =>
        db.select().from(pages).where(gt(pages.id, after)).orderBy(asc(pages.id)).limit(BATCH),
      )) {
        const revisions = await db
          .select()
          .from(pageRevisions)
          .where(
            inArray(
              pageRevisions.pageId,
              batch.map((page) => page.id),
            ),
          )
          .orderBy(asc(pageRevisions.id));
        yield batch.map((page) => {
          text(page.bodyHtml);
          const own = revisions.filter((revision) => revision.pageId === page.id);
          for (const revision of own) text(revision.bodyHtml);
          return iso({ ...page, revisions: own.map((r) => pick(r, ['title', 'bodyHtml', 'savedBy', 'createdAt'])) });
        });
      }
    },
    async *comments() {
      const { ipHash: _ip, ...columns } = getTableColumns(comments);
      for await (const batch of byId((after) =>
        db.select(columns).from(comments).where(gt(comments.id, after)).orderBy(asc(comments.id)).limit(BATCH),
      ))
        yield batch.map(iso);
    },
    async *redirects() {
      for await (const batch of byId((after) =>
        db.select().from(redirects).where(gt(redirects.id, after)).orderBy(asc(redirects.id)).limit(BATCH),
      ))
        yield batch.map(({ id: _id, ...row }) => iso(row));
    },
    async *'ad-slots'() {
      yield* byId((after) =>
        db.select().from(adSlots).where(gt(adSlots.id, after)).orderBy(asc(adSlots.id)).limit(BATCH),
      );
    },
    async *ads() {
      for await (const batch of byId((after) =>
        db.select().from(ads).where(gt(ads.id, after)).orderBy(asc(ads.id)).limit(BATCH),
      )) {
        for (const ad of batch) text(ad.imageUrl);
        yield batch.map(iso);
      }
    },
    async *'ad-days'() {
      for (let after: { adId: number; day: string } | null = null; ;) {
        const rows: (typeof adDailyStats.$inferSelect)[] = await db
          .select()
          .from(adDailyStats)
          .where(after ? sql`(${adDailyStats.adId}, ${adDailyStats.day}) > (${after.adId}, ${after.day})` : undefined)
          .orderBy(asc(adDailyStats.adId), asc(adDailyStats.day))
          .limit(BATCH);
        if (rows.length === 0) return;
        yield rows;
        after = rows[rows.length - 1];
      }
    },
    async *'ad-requests'() {
      for await (const batch of byId((after) =>
        db.select().from(adRequests).where(gt(adRequests.id, after)).orderBy(asc(adRequests.id)).limit(BATCH),
      )) {
        for (const request of batch) text(request.creativeUrl);
        yield batch.map(({ id: _id, ...row }) => iso(row));
      }
    },
    async *subscribers() {
      const { confirmTokenHash: _hash, confirmExpiresAt: _expires, ...columns } = getTableColumns(subscribers);
      for await (const batch of byId((after) =>
        db.select(columns).from(subscribers).where(gt(subscribers.id, after)).orderBy(asc(subscribers.id)).limit(BATCH),
      )) {
        const follows = await db
          .select()
          .from(subscriberLabels)
          .where(
            inArray(
              subscriberLabels.subscriberId,
              batch.map((s) => s.id),
            ),
          );
        yield batch.map(({ id, ...row }) =>
          iso({ ...row, labelIds: follows.filter((f) => f.subscriberId === id).map((f) => f.labelId) }),
        );
      }
    },
    async *'blocked-commenters'() {
      for await (const batch of byId((after) =>
        db
          .select()
          .from(blockedCommenters)
          .where(gt(blockedCommenters.id, after))
          .orderBy(asc(blockedCommenters.id))
          .limit(BATCH),
      ))
        yield batch.map(({ id: _id, ...row }) => iso(row));
    },
    async *'reply-followers'() {
      const { email, status, createdAt, confirmedAt } = getTableColumns(replyFollowers);
      for await (const batch of byId((after) =>
        db
          .select({ id: replyFollowers.id, email, status, createdAt, confirmedAt })
          .from(replyFollowers)
          .where(gt(replyFollowers.id, after))
          .orderBy(asc(replyFollowers.id))
          .limit(BATCH),
      ))
        yield batch.map(({ id: _id, ...row }) => iso(row));
    },
  };
}

function* entry(name: string, bytes: Buffer): Generator<Buffer> {
  yield tarHeader(name, bytes.length);
  yield bytes;
  yield tarPadding(bytes.length);
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** The archive as tar blocks: the manifest, the settings, every part a batch per file, then the media files. */
async function* tarBlocks(db: Database, files: Storage, siteUrl: string, missing: string[]): AsyncGenerator<Buffer> {
  const uploadsUrl = files.url('');
  yield* entry(
    'broadsheet.json',
    json({ format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: new Date(), siteUrl, uploadsUrl }),
  );
  const [settings] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1));
  if (settings) {
    const { id: _id, updatedAt: _updated, ...kept } = settings;
    yield* entry('settings.json', json(kept satisfies z.input<typeof settingsSchema>));
  }

  const media = new Set<string>();
  const all = parts(db, media, [...new Set(['/uploads/', uploadsUrl])]);
  for (const name of Object.keys(all) as PartName[]) {
    let number = 0;
    for await (const rows of all[name]()) yield* entry(`${name}/${String(++number).padStart(6, '0')}.json`, json(rows));
  }

  for (const key of [...media].sort()) {
    const stored = await files.get(key);
    if (!stored) {
      missing.push(key);
      continue;
    }
    yield tarHeader(`media/${key}`, stored.size);
    let size = 0;
    for await (const chunk of Readable.fromWeb(stored.body as WebStream<Uint8Array>)) {
      size += chunk.length;
      yield Buffer.from(chunk);
    }
    if (size !== stored.size) throw new Error(`media/${key} changed while it was being read`);
    yield tarPadding(size);
  }
  yield tarEnd();
}

/**
 * The whole site as one gzipped tar (`.tar.gz`): a versioned JSON document in parts (people without passwords or
 * second factors, labels, posts and pages with their revisions, comments, redirects, ad slots, ads and their daily
 * figures, booking requests, followers, the settings with the menu) and every upload they point at, read through
 * the storage interface. A stream that reads the database a batch at a time as it is consumed, so memory stays flat
 * with the site's size. `missing` receives the keys of uploads pointed at but not found in storage.
 */
export function archiveStream(db: Database, files: Storage, siteUrl: string, missing: string[] = []): Readable {
  const gzip = createGzip();
  const tar = Readable.from(tarBlocks(db, files, siteUrl, missing), { objectMode: false });
  // pipe() does not pass on errors: a failed read must fail the stream, not end it as if the archive were whole.
  tar.on('error', (error) => gzip.destroy(error));
  return tar.pipe(gzip);
}
