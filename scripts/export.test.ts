import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-export-command-'));
const wxr = path.join(import.meta.dirname, '..', 'lib', 'import', 'fixtures', 'wordpress.xml');
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** A real command (`npm run export` or `import`), on the embedded database in `site`. */
function run(script: string, site: string, args: string[]): Promise<{ status: number; output: string }> {
  const command = ['--conditions=react-server', '--import', 'tsx', `scripts/${script}.ts`, ...args];
  const env = {
    ...process.env,
    DATABASE_URL: '',
    PGLITE_DIR: path.join(folder, site),
    UPLOADS_DIR: path.join(folder, `${site}-uploads`),
  };
  return new Promise((resolve) =>
    execFile(process.execPath, command, { env }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code) : 0, output: stdout + stderr }),
    ),
  );
}

// Each run starts a Node process with tsx and migrates a database: several seconds on a busy machine.
describe('npm run export', { timeout: 180_000 }, () => {
  it('writes the archive for .tar.gz and WXR for .xml; the archive restores into an empty site only', async () => {
    const imported = await run('import', 'old', [wxr, '--no-media']);
    expect(imported.status, imported.output).toBe(0);

    const archive = path.join(folder, 'site.tar.gz');
    const exported = await run('export', 'old', [archive]);
    expect(exported.status, exported.output).toBe(0);
    expect(exported.output).toContain('the whole site with its media files');
    const xml = path.join(folder, 'site.xml');
    expect((await run('export', 'old', [xml])).status).toBe(0);
    expect(fs.readFileSync(xml, 'utf8')).toContain('<wp:wxr_version>1.2</wp:wxr_version>');
    expect((await run('export', 'old', [path.join(folder, 'site.zip')])).status).toBe(2);

    const dry = await run('import', 'new', [archive, '--dry-run']);
    expect(dry.output).toContain('Dry run, nothing written. Would import 4 posts, 1 page, 4 comments, 3 labels');
    const restored = await run('import', 'new', [archive]);
    expect(restored.status, restored.output).toBe(0);
    expect(restored.output).toMatch(/Imported 4 posts, 1 page, 4 comments, 3 labels, 2 authors/);
    const again = await run('import', 'new', [archive]);
    expect(again.status).toBe(1);
    expect(again.output).toContain('This site already has content (4 posts, 1 page,');
  });
});
