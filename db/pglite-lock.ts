import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock between processes: two processes writing one data folder silently lose rows.
 * This file lock makes the folder single-writer. The owner's pid is in the lock, so a lock left behind
 * by a crashed process is taken over, and a live owner is named in the error.
 */

export type LockOwner = { pid: number; role: LockRole; command: string; since: string };
/** `writer` holds the folder for its whole life; `snapshot` holds it just long enough to copy it. */
export type LockRole = 'writer' | 'snapshot';

export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by process ${owner.pid} (${owner.command}, ${owner.role} since ${owner.since}). ` +
        'PGlite allows one process at a time: stop that process first, or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export function lockPathFor(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return `${resolved}.lock`;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock with our own pid but older than this process was left by an earlier process (pid reuse, e.g. pid 1 in a container). */
function isFromEarlierLife(owner: LockOwner): boolean {
  const startedAt = Date.now() - process.uptime() * 1000;
  return owner.pid === process.pid && Date.parse(owner.since) < startedAt - 1000;
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    // Gone since we looked: the caller tries again.
    return null;
  }
}

/** Takes the lock or throws DatabaseLockedError. Returns the function that releases it. */
export function acquireLock(dataDir: string, role: LockRole): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    role,
    command: path.basename(process.argv[1] ?? process.argv0) || 'node',
    since: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(lockPath, me)) return once(() => releaseIfMine(lockPath));
    const owner = readOwner(lockPath);
    // Released between our attempt and the read: try again.
    if (owner === null) continue;
    if (isAlive(owner.pid) && !isFromEarlierLife(owner)) throw new DatabaseLockedError(dataDir, owner);
    // The owner died without releasing: the lock is stale, clear it and try again.
    clearStale(lockPath, owner);
  }
  throw new Error(`Could not take the lock ${lockPath}; remove it if no Broadsheet process is running.`);
}

/**
 * Moves the stale lock aside (a rename: only one process wins it), and if what was moved turns out to be a fresh
 * lock that another process took meanwhile, puts that one back.
 */
function clearStale(lockPath: string, stale: LockOwner) {
  const aside = `${lockPath}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== stale.pid || moved.since !== stale.since)) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // Someone holds the lock again: theirs stands.
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Creates the lock file with its content in one step: written to a private file first, then hard-linked into
 * place, which fails if the lock exists. No one ever reads a half-written lock.
 */
function tryCreate(lockPath: string, owner: LockOwner): boolean {
  const draft = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(draft, JSON.stringify(owner));
  try {
    fs.linkSync(draft, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** Waits while another process holds a short-lived `snapshot` lock; a `writer` owner fails at once. */
export async function acquireLockWaiting(dataDir: string, role: LockRole, timeoutMs = 120_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return acquireLock(dataDir, role);
    } catch (error) {
      const waitable = error instanceof DatabaseLockedError && error.owner.role === 'snapshot';
      if (!waitable || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

function releaseIfMine(lockPath: string) {
  if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
