import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { acquireLock, DatabaseLockedError, lockPathFor } from '@/db/pglite-lock';
import { labels } from '@/db/schema';
import { closeDb, getDb, migrate } from '@/lib/db';
import { seedDemoContent } from '@/lib/seed/demo';

// The lock guards the embedded database only, so these tests use PGlite whatever CI's driver is.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-lock-'));
const dataDir = path.join(root, 'pglite');
const fixture = path.join(import.meta.dirname, 'testing', 'db-process.ts');
// `node --import tsx`, not the tsx CLI: the CLI runs the script in a child, with another pid.
const nodeArgs = (args: string[]) => ['--conditions=react-server', '--import', 'tsx', fixture, ...args];
const childEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  DATABASE_URL: '',
  PGLITE_DIR: dataDir,
  ...extra,
});

type Run = { code: number | null; out: string };
function run(args: string[], extra?: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs(args), { env: childEnv(extra) });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

beforeAll(async () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };
  Object.assign(process.env, childEnv());
  await migrate();
  await seedDemoContent(await getDb());
  await closeDb();
  Object.assign(process.env, { DATABASE_URL: saved.DATABASE_URL ?? '', PGLITE_DIR: saved.PGLITE_DIR ?? '' });
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the PGlite lock file', () => {
  it('is taken once, released, and refused to a second taker while held', () => {
    const dir = path.join(root, 'unit');
    const release = acquireLock(dir, 'writer');
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), 'utf8')).pid).toBe(process.pid);
    expect(() => acquireLock(dir, 'writer')).toThrow(DatabaseLockedError);
    release();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    acquireLock(dir, 'writer')();
  });

  it('takes over a stale lock left by a process that died', () => {
    const dir = path.join(root, 'stale');
    const pid = deadPid();
    fs.writeFileSync(
      lockPathFor(dir),
      JSON.stringify({ pid, role: 'writer', command: 'crashed', since: new Date().toISOString() }),
    );
    const release = acquireLock(dir, 'writer');
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), 'utf8')).pid).toBe(process.pid);
    release();
  });
});

describe('one writer per data folder', () => {
  it('gives a second process a clear error naming the owner', async () => {
    const holder = spawn(process.execPath, nodeArgs(['hold']), { env: childEnv() });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve());
        holder.on('exit', () => reject(new Error('the holder exited early')));
      });
      const second = await run(['insert', '1']);
      expect(second.code).toBe(1);
      expect(second.out).toContain('DatabaseLockedError');
      expect(second.out).toContain(`in use by process ${holder.pid}`);

      // In this process too: the error is typed, so callers can show it.
      process.env.PGLITE_DIR = dataDir;
      process.env.DATABASE_URL = '';
      await expect(openDatabase({ pgliteDir: dataDir, building: false })).rejects.toMatchObject({
        name: 'DatabaseLockedError',
        owner: { pid: holder.pid },
      });

      // A build worker does not wait for a long-lived writer: it fails at once with the same message.
      const build = await run(['count'], { NEXT_PHASE: 'phase-production-build' });
      expect(build.out).toContain(`in use by process ${holder.pid}`);
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.on('exit', resolve));
    }
  });

  it('never loses rows: of three writers started together, the ones refused say so and the rest is kept', async () => {
    const runs = await Promise.all([run(['insert', '20']), run(['insert', '20']), run(['insert', '20'])]);
    const inserted = runs.filter((r) => r.out.includes('inserted')).length;
    const refused = runs.filter((r) => r.out.includes('DatabaseLockedError')).length;
    expect(inserted + refused).toBe(3);
    expect(inserted).toBeGreaterThanOrEqual(1);

    process.env.PGLITE_DIR = dataDir;
    process.env.DATABASE_URL = '';
    const { db, close } = await openDatabase({ pgliteDir: dataDir, building: false });
    const [{ n }] = await db.select({ n: count() }).from(labels);
    await close();
    expect(Number(n)).toBe(6 + inserted * 20);
  });

  it('lets many build workers read at once, each from its own copy, gone when it exits', async () => {
    // A copy left behind by a worker that was killed is removed by the next build.
    const leftBehind = path.join(`${dataDir}.build-copies`, String(deadPid()));
    fs.mkdirSync(leftBehind, { recursive: true });
    const workers = await Promise.all(
      Array.from({ length: 4 }, () => run(['count'], { NEXT_PHASE: 'phase-production-build' })),
    );
    for (const worker of workers) expect(worker.out.trim()).toBe('count 17');
    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
    expect(fs.existsSync(`${dataDir}.build-copies`)).toBe(false);
  });

  it("removes a build worker's copy when Next ends the worker with SIGINT", async () => {
    const worker = spawn(process.execPath, nodeArgs(['hold']), {
      env: childEnv({ NEXT_PHASE: 'phase-production-build' }),
    });
    await new Promise<void>((resolve, reject) => {
      worker.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve());
      worker.on('exit', () => reject(new Error('the worker exited early')));
    });
    const copy = path.join(`${dataDir}.build-copies`, String(worker.pid));
    expect(fs.existsSync(path.join(copy, 'PG_VERSION'))).toBe(true);
    worker.kill('SIGINT');
    await new Promise((resolve) => worker.on('exit', resolve));
    expect(fs.existsSync(`${dataDir}.build-copies`)).toBe(false);
  });
});
