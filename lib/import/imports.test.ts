import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { imports, posts } from '@/db/schema';
import type { JobData } from '@/lib/jobs/jobs';
import { startQueue, stopQueue } from '@/lib/jobs/queue';
import { createAccount } from '@/lib/people/accounts';
import { workSchedulerJobs } from '@/lib/scheduler/jobs';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { latestImport, settleInterrupted, startImport, startUploadedImport } from './imports';
import { importMessages } from './messages';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'import-jobs-'));
process.env.IMPORTS_DIR = folder;
const db = useFreshDatabase('import_jobs');
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));
const refreshed: JobData<'revalidate'>[] = [];
let adminId: string;

beforeAll(async () => {
  await workSchedulerJobs(await startQueue({ background: true, pollingIntervalSeconds: 0.5 }), async (change) => {
    refreshed.push(change);
  });
  adminId = (await createAccount(db(), { email: 'admin@example.com', name: 'Admin', role: 'admin' })).id;
});
afterAll(async () => {
  await stopQueue();
  fs.rmSync(folder, { recursive: true, force: true });
});

const finished = async () => {
  let view = await latestImport(db());
  await vi.waitFor(
    async () => {
      view = await latestImport(db());
      expect(view?.status).toMatch(/done|failed/);
    },
    { timeout: 30_000, interval: 200 },
  );
  return view!;
};

describe('the import job', () => {
  it('imports an uploaded file in the background, one at a time, and ends with its summary', async () => {
    const upload = { name: 'blog.xml', bytes: fixture('blogger-current.xml'), media: false };
    expect(await startImport(db(), upload, adminId)).toEqual({ ok: true });
    // While it is queued or running, another is refused.
    expect(await startImport(db(), upload, adminId)).toEqual({ ok: false, message: importMessages.busy });
    // Looking at it just after it was sent leaves it be.
    await settleInterrupted(db());
    expect((await latestImport(db()))?.status).toMatch(/queued|running/);
    const view = await finished();
    expect(view).toMatchObject({ status: 'done', fileName: 'blog.xml' });
    expect(view.result).toMatch(/^Imported 4 posts, 1 page, 3 comments/);
    expect(view.skipped).toHaveLength(2);
    expect(view.progress).toMatchObject({ phase: 'comments', done: 3, total: 3 });
    expect((await db().select().from(posts).where(eq(posts.slug, 'storm-damage'))).length).toBe(1);
    // Its posts' pages are refreshed, and, a page having come across, every cached page (the sitemap lists pages).
    await vi.waitFor(() => expect(refreshed.some((c) => c.posts.includes('storm-damage') && c.site)).toBe(true));
    // The uploaded file does not outlive its import.
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('marks an import silent for ten minutes as stopped, saying what to do', async () => {
    const [row] = await db().insert(imports).values({ fileName: 'cut-off.xml', status: 'running' }).returning();
    await settleInterrupted(db(), new Date(row.createdAt.getTime() + 5 * 60 * 1000));
    expect((await latestImport(db()))?.status).toBe('running');
    await settleInterrupted(db(), new Date(row.createdAt.getTime() + 11 * 60 * 1000));
    expect(await latestImport(db())).toMatchObject({ status: 'stopped', error: importMessages.stopped });
  });

  it('takes an upload posted to the form’s route, and ends a refused file as failed, with the reason', async () => {
    const form = new FormData();
    form.set('file', new Blob([fixture('billion-laughs.xml')]), 'bomb.xml');
    form.set('media', 'yes');
    const request = new Request('http://localhost/api/import', { method: 'POST', body: form });
    expect(await startUploadedImport(db(), request, adminId)).toEqual({ ok: true });
    const view = await finished();
    expect(view).toMatchObject({ status: 'failed', fileName: 'bomb.xml', error: importMessages.doctype });
    expect(fs.readdirSync(folder)).toEqual([]);
    expect((await db().select().from(imports)).length).toBeGreaterThanOrEqual(2);
  });
});
