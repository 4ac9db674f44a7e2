import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postSends, posts, subscribers } from '@/db/schema';
import { closeDb, getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { catchMail, type MailCatcher } from '@/lib/mail/testing';
import { createAccount } from '@/lib/people/accounts';
import { useFreshDatabase } from '@/lib/testing/fresh-database';

const db = useFreshDatabase('send_kill');
const FOLLOWERS = 500;
const sender = path.join(import.meta.dirname, '..', 'testing', 'send-process.ts');
let mail: MailCatcher;
let postId: number;

beforeAll(async () => {
  mail = await catchMail();
  const author = await createAccount(db(), {
    email: 'k@example.com',
    name: 'K',
    role: 'editor',
    password: 'a long password here',
  });
  [{ id: postId }] = await db()
    .insert(posts)
    .values({
      title: 'Killed half-way',
      slug: 'killed',
      status: 'published',
      publishedAt: new Date(),
      authorId: author.id,
    })
    .returning({ id: posts.id });
  await db()
    .insert(subscribers)
    .values(
      Array.from({ length: FOLLOWERS }, (_, i) => ({ email: `f${i}@example.com`, status: 'confirmed' as const })),
    );
  // PGlite has one writer per folder: the sending processes take it in turn (a killed one's lock is taken over).
  if (!env().DATABASE_URL) await closeDb();
});
afterAll(() => mail.close());

function start(): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', sender, String(postId), '400'],
    {
      env: { ...process.env, SMTP_URL: mail.url },
    },
  );
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve({ code, out }))) };
}

describe('a send killed half-way', () => {
  it('is resumed by another process, and no address gets a second mail', { timeout: 180_000 }, async () => {
    const first = start();
    // Half-way or so: a quarter of the mails are in (each process first loads the code, which takes seconds).
    await vi.waitFor(() => expect(mail.mails.length).toBeGreaterThanOrEqual(FOLLOWERS / 4), {
      timeout: 60_000,
      interval: 10,
    });
    first.child.kill('SIGKILL');
    expect((await first.done).code).toBeNull();
    const atKill = mail.mails.length;
    expect(atKill).toBeLessThan(FOLLOWERS);

    const second = await start().done;
    expect(second.out, second.out).toContain('done');
    const perAddress = new Map<string, number>();
    for (const m of mail.mails) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    expect(Math.max(...perAddress.values())).toBe(1);

    const rows = await (await getDb()).select().from(postSends).where(eq(postSends.postId, postId));
    expect(rows).toHaveLength(FOLLOWERS);
    const interrupted = rows.filter((row) => row.status === 'claimed');
    // At most one address per sender (five, one per pooled connection) was between its claim and its answer.
    expect(interrupted.length).toBeLessThanOrEqual(5);
    expect(rows.filter((row) => row.status === 'sent').length + interrupted.length).toBe(FOLLOWERS);
    // Every address has its mail but those interrupted, which got theirs or not: never two.
    expect(perAddress.size).toBeGreaterThanOrEqual(FOLLOWERS - interrupted.length);
  });
});
