import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getSiteSettings } from '@/db/queries/settings';
import { posts, users } from '@/db/schema';
import type { Database } from '@/lib/db';
import { isArchive, restoreArchive } from '@/lib/export/archive-restore';
import { knownItems } from './import-items';
import { planAddresses } from './importers/addresses';
import { importAuthors } from './importers/authors';
import { importComments } from './importers/comments';
import { importEntries, type EntryContext } from './importers/entries';
import { importLabels } from './importers/labels';
import {
  bodyImageUrls,
  copyBodyImages,
  copyImage,
  setCover,
  type MediaFailure,
  type MediaOptions,
} from './importers/media';
import { readExport } from './read-export';
import type { CommentRecord, EntryRecord } from './records';
import { commentSkipReason, surveyExport, type Skipped } from './survey';

// Posts go in one multi-row insert a batch; comments in one a round of replies.
const ENTRY_BATCH = 200;
const COMMENT_BATCH = 1000;

// 'undoing': a restore taking out what an earlier one, killed part way, had written.
export type ImportPhase = 'reading' | 'undoing' | 'posts' | 'comments' | 'images';
export type ImportProgress = { phase: ImportPhase; done: number; total: number };

export type ImportOptions = {
  /** Report what would come across and write nothing. */
  dryRun?: boolean;
  /** Copy featured images into our storage (off: `--no-media`). */
  media?: boolean;
  /** Private addresses images are copied from anyway: only tests set it, for their image server on loopback. */
  mediaAllowAddresses?: readonly string[];
  /** Whom entries without a known author are credited to (else the first admin). */
  importedBy?: string | null;
  progress?: (progress: ImportProgress) => Promise<void>;
};

export type ImportSummary = {
  format: string;
  dryRun: boolean;
  /** What the file holds that comes across. */
  found: { posts: number; pages: number; comments: number; labels: number; authors: number };
  /** What this run created (0 for what an earlier import of the same file already made). */
  created: { posts: number; pages: number; comments: number; labels: number; authors: number };
  images: { copied: number; leftAtOldAddress: number; failures: MediaFailure[] };
  skipped: Skipped[];
  renamed: { item: string; from: string; to: string }[];
  /** Slugs of the posts created, for the pages to refresh. */
  postSlugs: string[];
  /** A restored archive: every cached page is out of date, not only those of its posts. */
  wholeSite?: boolean;
  /** A restore that first took out what an earlier restore, whose process was killed, had written. */
  earlierRestoreUndone?: boolean;
};

/**
 * Imports a Blogger backup or a WordPress export, or restores our own archive: a survey of the file, then authors and labels, posts and pages in
 * batches, comments in batches, then covers; every batch in its own transaction with its import_items rows, so a
 * second run (the same file again, or after a crash) creates only what is missing.
 */
export async function importExport(db: Database, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  // Our own archive (npm run export -- FILE.tar.gz) is restored, not merged: lib/export/archive-restore.ts.
  if (await isArchive(path)) return restoreArchive(db, path, options);
  const progress = options.progress ?? (async () => {});
  await progress({ phase: 'reading', done: 0, total: 0 });
  const survey = await surveyExport(path);
  const { counts } = survey;
  const summary: ImportSummary = {
    format: survey.source.format,
    dryRun: Boolean(options.dryRun),
    found: {
      posts: counts.posts,
      pages: counts.pages,
      comments: counts.comments,
      labels: counts.labels,
      authors: counts.authors,
    },
    created: { posts: 0, pages: 0, comments: 0, labels: 0, authors: 0 },
    images: { copied: 0, leftAtOldAddress: 0, failures: [] },
    skipped: survey.skipped,
    renamed: [],
    postSlugs: [],
  };
  if (options.dryRun) {
    summary.images.leftAtOldAddress = options.media === false ? counts.covers : 0;
    return summary;
  }

  const sourceKey = survey.source.key;
  const known = await knownItems(db, sourceKey);
  const postsBefore = new Set(known.post.keys());
  const before = {
    labels: known.label.size,
    posts: known.post.size,
    pages: known.page.size,
  };
  const { timeZone } = await getSiteSettings(db);
  const { ids: authors, created: newAccounts } = await importAuthors(db, survey, known);
  const labelNames = await importLabels(db, survey, known);
  const addresses = await planAddresses(db, survey, known, timeZone);
  summary.renamed = addresses.renamed;
  const context: EntryContext = {
    sourceKey,
    known,
    addresses,
    authors,
    labelNames,
    fallbackAuthorId: async () => options.importedBy ?? (await firstAdmin(db)),
  };

  const entriesTotal = counts.posts + counts.pages;
  const covers: { entryId: string; attachmentId: string }[] = [];
  let batch: EntryRecord[] = [];
  let done = 0;
  const flushEntries = async () => {
    await importEntries(db, batch, context);
    done += batch.length;
    batch = [];
    await progress({ phase: 'posts', done, total: entriesTotal });
  };
  for await (const record of readExport(path)) {
    if ((record.kind !== 'post' && record.kind !== 'page') || !survey.entries.has(record.id)) continue;
    if (record.coverId && !known.post.has(record.id)) covers.push({ entryId: record.id, attachmentId: record.coverId });
    batch.push(record);
    if (batch.length >= ENTRY_BATCH) await flushEntries();
  }
  if (batch.length > 0) await flushEntries();

  const commentsBefore = known.comment.size;
  await importAllComments(db, path, survey.entries, sourceKey, known, (done) =>
    progress({ phase: 'comments', done, total: counts.comments }),
  );

  const newPosts = [...known.post.entries()].filter(([id]) => !postsBefore.has(id)).map(([, id]) => Number(id));
  if (options.media === false) {
    summary.images.leftAtOldAddress = covers.length + (await countBodyImages(db, newPosts));
  } else {
    const media: MediaOptions = { allowAddresses: options.mediaAllowAddresses };
    summary.images = await copyCovers(db, covers, survey.attachments, known, progress, media);
    let done = 0;
    const bodies = await copyBodyImages(
      db,
      newPosts,
      () => progress({ phase: 'images', done: ++done, total: newPosts.length }),
      media,
    );
    summary.images.copied += bodies.copied;
    summary.images.failures.push(...bodies.failures);
  }

  summary.created = {
    authors: newAccounts,
    labels: known.label.size - before.labels,
    posts: known.post.size - before.posts,
    pages: known.page.size - before.pages,
    comments: known.comment.size - commentsBefore,
  };
  summary.postSlugs = [...addresses.placements.entries()]
    .filter(([id]) => survey.entries.get(id)?.kind === 'post')
    .map(([, placement]) => placement.slug);
  return summary;
}

/**
 * Comments in batches as the file gives them; replies that come before the comment they answer wait, and are
 * written once the rest are in (under the top of the thread if their parent never came).
 */
async function importAllComments(
  db: Database,
  path: string,
  entries: Map<string, unknown>,
  sourceKey: string,
  known: Awaited<ReturnType<typeof knownItems>>,
  progress: (done: number) => Promise<void>,
): Promise<void> {
  let batch: CommentRecord[] = [];
  let waiting: CommentRecord[] = [];
  let done = 0;
  const flush = async (orphansAtTop = false) => {
    waiting.push(...(await importComments(db, batch, sourceKey, known, { orphansAtTop })));
    done += batch.length;
    batch = [];
    await progress(done);
  };
  for await (const record of readExport(path)) {
    if (record.kind !== 'comment' || commentSkipReason(record, entries)) continue;
    batch.push(record);
    if (batch.length >= COMMENT_BATCH) await flush();
  }
  await flush();
  // Each round places the replies whose parents the last one wrote; what is left has no parent to wait for.
  while (waiting.length > 0) {
    const round = waiting;
    waiting = [];
    batch = round;
    done -= round.length;
    await flush();
    if (waiting.length === round.length) {
      batch = waiting;
      waiting = [];
      done -= batch.length;
      await flush(true);
    }
  }
}

async function copyCovers(
  db: Database,
  covers: { entryId: string; attachmentId: string }[],
  attachments: Map<string, { url: string; alt: string }>,
  known: Awaited<ReturnType<typeof knownItems>>,
  progress: (progress: ImportProgress) => Promise<void>,
  media: MediaOptions,
): Promise<ImportSummary['images']> {
  const images: ImportSummary['images'] = { copied: 0, leftAtOldAddress: 0, failures: [] };
  for (const [index, { entryId, attachmentId }] of covers.entries()) {
    const attachment = attachments.get(attachmentId);
    const postId = known.post.get(entryId);
    if (attachment && postId) {
      const result = await copyImage(attachment.url, 'covers', media);
      if ('failure' in result) images.failures.push(result.failure);
      else {
        await setCover(db, Number(postId), { url: result.url, alt: attachment.alt });
        images.copied++;
      }
    }
    await progress({ phase: 'images', done: index + 1, total: covers.length });
  }
  return images;
}

/** How many images of other sites the new posts' bodies show (left there with `--no-media`). */
async function countBodyImages(db: Database, postIds: number[]): Promise<number> {
  let count = 0;
  for (let start = 0; start < postIds.length; start += 500) {
    const rows = await db
      .select({ bodyHtml: posts.bodyHtml })
      .from(posts)
      .where(inArray(posts.id, postIds.slice(start, start + 500)));
    for (const row of rows) count += bodyImageUrls(row.bodyHtml).length;
  }
  return count;
}

async function firstAdmin(db: Database): Promise<string> {
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.role, 'admin'))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!admin) throw new Error('There is no administrator to credit imported posts to.');
  return admin.id;
}
