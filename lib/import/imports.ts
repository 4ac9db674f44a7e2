import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { desc, eq, inArray } from 'drizzle-orm';
import { imports, jobProgress } from '@/db/schema';
import type { Database } from '@/lib/db';
import { env } from '@/lib/env';
import { restoreWasUndone } from '@/lib/export/archive-restore';
import { enqueue } from '@/lib/jobs/queue';
import { importMessages } from './messages';
import { importExport, type ImportSummary } from './run-import';
import { describeSummary } from './summary';
import { receiveUpload, type UploadRefusal } from './upload';
import { ImportRefusedError } from './xml-items';

export type ImportView = {
  id: number;
  fileName: string;
  status: (typeof imports.status.enumValues)[number];
  createdAt: Date;
  progress: { phase: string; done: number; total: number | null } | null;
  /** The summary in words, once it has ended. */
  result: string | null;
  skipped: { item: string; reason: string }[];
  error: string | null;
};

const filePath = (id: number) => path.join(env().IMPORTS_DIR, `import-${id}.xml`);

/**
 * Takes an uploaded export file and queues its import: one at a time, so a second upload while one runs is refused.
 * The file waits on disk (IMPORTS_DIR) for the job, which deletes it when it ends.
 */
export async function startImport(
  db: Database,
  /** The file's bytes, or the path of the file an upload was streamed to (moved into place, or deleted if refused). */
  upload: { name: string; media: boolean } & ({ bytes: Uint8Array } | { path: string }),
  userId: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  await settleInterrupted(db);
  const row = await db.transaction(async (tx) => {
    const [busy] = await tx
      .select({ id: imports.id })
      .from(imports)
      .where(inArray(imports.status, ['queued', 'running']))
      .for('update');
    if (busy) return null;
    const [created] = await tx
      .insert(imports)
      .values({ fileName: upload.name.slice(0, 200), createdBy: userId, summary: { media: upload.media } })
      .returning({ id: imports.id });
    return created;
  });
  if (!row) {
    if ('path' in upload) await fs.rm(upload.path, { force: true });
    return { ok: false, message: importMessages.busy };
  }
  await fs.mkdir(env().IMPORTS_DIR, { recursive: true });
  if ('path' in upload) await fs.rename(upload.path, filePath(row.id));
  else await fs.writeFile(filePath(row.id), upload.bytes);
  const jobId = await enqueue('import', { importId: row.id });
  await db.update(imports).set({ jobId }).where(eq(imports.id, row.id));
  return { ok: true };
}

/**
 * Takes an export file posted to the upload route (a plain multipart form, so that it works without JavaScript and
 * is not held to the server actions' body limit) and starts its import: the file streams to IMPORTS_DIR, up to
 * IMPORT_MAX_MB.
 */
export async function startUploadedImport(
  db: Database,
  request: Request,
  userId: string,
): Promise<{ ok: true } | { ok: false; reason: UploadRefusal }> {
  const { IMPORTS_DIR, IMPORT_MAX_MB } = env();
  const received = await receiveUpload(request, { dir: IMPORTS_DIR, maxBytes: IMPORT_MAX_MB * 1024 * 1024 });
  if (!received.ok) return received;
  const media = received.fields.media !== 'no';
  const started = await startImport(db, { name: received.name, path: received.path, media }, userId);
  return started.ok ? started : { ok: false, reason: 'busy' };
}

/**
 * The import job: runs the import with its progress reported to the queue, then records the summary (or why it
 * failed) on the import. A refused file fails at once; anything else is thrown again so pg-boss tries once more.
 */
export async function runImportJob(
  db: Database,
  importId: number,
  progress: (progress: { done: number; total: number; note: string }) => Promise<void>,
): Promise<ImportSummary | null> {
  const [row] = await db.select().from(imports).where(eq(imports.id, importId));
  if (!row || row.status === 'done' || row.status === 'failed') return null;
  // A stopped import runs again when its job does (pg-boss's retry after a restart): it goes on where it was.
  await db.update(imports).set({ status: 'running', error: null, finishedAt: null }).where(eq(imports.id, importId));
  const media = (row.summary as { media?: boolean } | null)?.media !== false;
  try {
    const summary = await importExport(db, filePath(importId), {
      media,
      importedBy: row.createdBy,
      progress: ({ phase, done, total }) => progress({ done, total, note: phase }),
    });
    await finish(db, importId, { status: 'done', summary });
    return summary;
  } catch (error) {
    // A restore that failed after writing took its rows out again; pages readers saw meanwhile may still show them.
    if (restoreWasUndone(error)) await enqueue('revalidate', { posts: [], site: true });
    const refused = error instanceof ImportRefusedError;
    await finish(db, importId, { status: 'failed', error: refused ? error.message : String(error) });
    if (!refused) console.error(`import ${importId} failed:`, error);
    if (!refused) throw error;
    return null;
  }
}

/**
 * Asks a running server to refresh what a finished import changed: the pages of the posts that came across, and
 * every cached page after a restore or when pages came across (the sitemap lists them, the menu editor offers them).
 * The dashboard's job and `npm run import` both end with it.
 */
export async function refreshAfterImport(summary: ImportSummary): Promise<void> {
  if (summary.dryRun) return;
  if (summary.wholeSite || summary.created.pages > 0) {
    await enqueue('revalidate', { posts: summary.postSlugs, site: true });
  } else if (summary.created.posts > 0) await enqueue('revalidate', { posts: summary.postSlugs });
}

async function finish(
  db: Database,
  importId: number,
  result: { status: 'done'; summary: ImportSummary } | { status: 'failed'; error: string },
): Promise<void> {
  await db
    .update(imports)
    .set({ ...result, finishedAt: new Date() })
    .where(eq(imports.id, importId));
  await fs.rm(filePath(importId), { force: true });
}

/** An import that has reported nothing for this long is taken to have been cut off by a restart. */
const SILENT_MS = 10 * 60 * 1000;

/**
 * An import silent for ten minutes (its server stopped during it) is marked stopped, saying what to do: what it did
 * is kept, its file too, and pg-boss runs its job again once it expires (or the same file imported again finishes
 * it). A page view must never decide this from the job alone: a job just sent may not be visible to it yet.
 */
export async function settleInterrupted(db: Database, now = new Date()): Promise<void> {
  const open = await db
    .select({ id: imports.id, createdAt: imports.createdAt, heard: jobProgress.updatedAt })
    .from(imports)
    .leftJoin(jobProgress, eq(jobProgress.jobId, imports.jobId))
    .where(inArray(imports.status, ['queued', 'running']));
  const silent = open.filter((row) => now.getTime() - (row.heard ?? row.createdAt).getTime() > SILENT_MS);
  if (silent.length === 0) return;
  await db
    .update(imports)
    .set({ status: 'stopped', error: importMessages.stopped, finishedAt: now })
    .where(
      inArray(
        imports.id,
        silent.map((row) => row.id),
      ),
    );
}

/** The newest import, for /dashboard/import: where it stands, or how it ended. */
export async function latestImport(db: Database): Promise<ImportView | null> {
  const [row] = await db
    .select({
      id: imports.id,
      fileName: imports.fileName,
      status: imports.status,
      createdAt: imports.createdAt,
      summary: imports.summary,
      error: imports.error,
      done: jobProgress.done,
      total: jobProgress.total,
      note: jobProgress.note,
    })
    .from(imports)
    .leftJoin(jobProgress, eq(jobProgress.jobId, imports.jobId))
    .orderBy(desc(imports.id))
    .limit(1);
  if (!row) return null;
  const summary = row.status === 'done' ? (row.summary as ImportSummary) : null;
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    createdAt: row.createdAt,
    progress: row.done === null ? null : { phase: row.note ?? '', done: row.done, total: row.total },
    result: summary ? describeSummary(summary) : null,
    skipped: summary?.skipped ?? [],
    error: row.error,
  };
}
