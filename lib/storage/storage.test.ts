import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskStorage } from './disk';
import type { Storage, StoredFile } from './storage';

/**
 * The cases every storage must pass. Each implementation available on this machine is listed below (today the
 * disk, in a temp folder); one that needs a service (S3) joins when its settings are present.
 */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-storage-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const implementations: [name: string, make: () => Storage][] = [
  ['disk', () => diskStorage(path.join(folder, 'uploads'))],
];

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const bytesOf = async (file: StoredFile) => new Uint8Array(await new Response(file.body).arrayBuffer());

describe.each(implementations)('%s storage', (_name, make) => {
  const storage = make();

  it('gives back what was put: bytes, type and size', async () => {
    await storage.put('covers/a1.png', png, 'image/png');
    const file = await storage.get('covers/a1.png');
    expect(file).toMatchObject({ type: 'image/png', size: png.length });
    expect(await bytesOf(file!)).toEqual(png);
    expect(storage.url('covers/a1.png')).toMatch(/\/covers\/a1\.png$/);
  });

  it('answers null for a key that holds nothing, a folder, or a deleted file', async () => {
    expect(await storage.get('covers/missing.png')).toBeNull();
    expect(await storage.get('covers')).toBeNull();
    await storage.put('ads/b2.png', png, 'image/png');
    await storage.delete('ads/b2.png');
    expect(await storage.get('ads/b2.png')).toBeNull();
    await expect(storage.delete('ads/b2.png')).resolves.toBeUndefined();
  });

  it('refuses keys that would leave its folder, to read and to write', async () => {
    fs.writeFileSync(path.join(folder, 'secret.png'), png);
    const escapes = [
      '../secret.png',
      'covers/../../secret.png',
      '/etc/passwd',
      `${folder}/secret.png`,
      '..\\secret.png',
    ];
    for (const key of [...escapes, '', 'covers/', './covers/a1.png', 'covers/.hidden.png']) {
      expect(await storage.get(key), key).toBeNull();
      await expect(storage.put(key, png, 'image/png'), key).rejects.toThrow();
    }
    expect(fs.readFileSync(path.join(folder, 'secret.png'))).toEqual(Buffer.from(png));
  });
});
