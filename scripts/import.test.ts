import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importNodeArgs } from './import-flags';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-command-'));
const wxr = path.join(import.meta.dirname, '..', 'lib', 'import', 'fixtures', 'wordpress.xml');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The real command, as `npm run import` runs it (with its node flags), on an embedded database of its own. */
function run(args: string[]): Promise<{ status: number; output: string }> {
  const command = [...importNodeArgs(), 'scripts/import.ts', ...args];
  const env = { ...process.env, DATABASE_URL: '', PGLITE_DIR: path.join(folder, 'db'), UPLOADS_DIR: folder };
  return new Promise((resolve) =>
    execFile(process.execPath, command, { env }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code) : 0, output: stdout + stderr }),
    ),
  );
}

// Each run starts a Node process with tsx and migrates a database: several seconds on a busy machine.
describe('npm run import', { timeout: 120_000 }, () => {
  it('with --dry-run says what would come across; then imports it once, and a second run adds nothing', async () => {
    const dry = await run([wxr, '--dry-run']);
    expect(dry.status, dry.output).toBe(0);
    expect(dry.output).toContain('Dry run, nothing written. Would import 4 posts, 1 page, 4 comments');

    const first = await run([wxr, '--no-media']);
    expect(first.status, first.output).toBe(0);
    expect(first.output).toMatch(/Imported 4 posts, 1 page, 4 comments, 3 labels, 2 authors; 0 images copied, 2 left/);

    const second = await run([wxr, '--no-media']);
    expect(second.status, second.output).toBe(0);
    expect(second.output).toMatch(/Imported 0 posts, 0 pages, 0 comments, 0 labels, 0 authors; .*9 already imported/);
  });

  it('refuses what is not an export, saying what was expected', async () => {
    const notExport = path.join(import.meta.dirname, '..', 'lib', 'import', 'fixtures', 'not-an-export.xml');
    const { status, output } = await run([notExport]);
    expect(status).toBe(1);
    expect(output).toContain('Expected a Blogger backup');
  });
});
