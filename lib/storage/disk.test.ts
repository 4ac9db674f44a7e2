import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskStorage } from './disk';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-disk-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('disk storage', () => {
  const storage = diskStorage(folder);

  it('keeps a file under its key, as a path under its folder', async () => {
    await storage.put('covers/c3.webp', new Uint8Array([1, 2]), 'image/webp');
    expect(fs.readFileSync(path.join(folder, 'covers', 'c3.webp'))).toEqual(Buffer.from([1, 2]));
  });

  it('serves nothing that is not a stored type, even if the file exists', async () => {
    fs.writeFileSync(path.join(folder, 'page.html'), '<script>alert(1)</script>');
    expect(await storage.get('page.html')).toBeNull();
  });
});
