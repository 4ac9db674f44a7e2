import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server } from '@/lib/testing/s3-server';
import { diskStorage } from './disk';
import { openBucket, s3Storage } from './s3';
import type { Storage, StoredFile } from './storage';

/**
 * The cases every storage must pass, run against each implementation: the disk in a temp folder, and a bucket on a
 * real S3-compatible server (s3rver) that the test starts on a spare port and stops afterwards.
 */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-storage-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

type Opened = { storage: Storage; close: () => Promise<void> };
const implementations: [name: string, open: () => Promise<Opened>][] = [
  ['disk', async () => ({ storage: diskStorage(path.join(folder, 'uploads')), close: async () => {} })],
  [
    's3',
    async () => {
      const server = await startS3Server();
      const bucket = openBucket(server.settings);
      return {
        storage: s3Storage(bucket),
        close: async () => {
          bucket.client.destroy();
          await server.stop();
        },
      };
    },
  ],
];

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const bytesOf = async (file: StoredFile) => new Uint8Array(await new Response(file.body).arrayBuffer());

describe.each(implementations)('%s storage', (_name, open) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(() => opened.close());

  it('says it can store files', async () => {
    await expect(opened.storage.reachable()).resolves.toBeUndefined();
  });

  it('gives back what was put: bytes, type and size; served from /uploads/… by default', async () => {
    const { storage } = opened;
    await storage.put('covers/a1.png', png, 'image/png');
    const file = await storage.get('covers/a1.png');
    expect(file).toMatchObject({ type: 'image/png', size: png.length });
    expect(await bytesOf(file!)).toEqual(png);
    expect(storage.url('covers/a1.png')).toBe('/uploads/covers/a1.png');
  });

  it('keeps a file under a key of its own type only', async () => {
    await expect(opened.storage.put('covers/c4.png', png, 'image/gif')).rejects.toThrow(/another type/);
    expect(await opened.storage.get('covers/c4.png')).toBeNull();
  });

  it('answers null for a key that holds nothing, a folder, or a deleted file', async () => {
    const { storage } = opened;
    expect(await storage.get('covers/missing.png')).toBeNull();
    expect(await storage.get('covers')).toBeNull();
    await storage.put('ads/b2.png', png, 'image/png');
    await storage.delete('ads/b2.png');
    expect(await storage.get('ads/b2.png')).toBeNull();
    await expect(storage.delete('ads/b2.png')).resolves.toBeUndefined();
  });

  it('refuses keys that would leave its folder, to read and to write', async () => {
    const { storage } = opened;
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

describe('a storage that cannot store', () => {
  it('says so: a folder under a file, a bucket no server holds', async () => {
    const file = path.join(folder, 'a-file');
    fs.writeFileSync(file, '');
    await expect(diskStorage(path.join(file, 'uploads')).reachable()).rejects.toThrow();
    const server = await startS3Server();
    const bucket = openBucket({ ...server.settings, bucket: 'no-such-bucket' });
    await expect(s3Storage(bucket).reachable()).rejects.toThrow();
    bucket.client.destroy();
    await server.stop();
  });
});
