import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectSizes, openBucket, s3Storage, type Bucket } from '@/lib/storage/s3';
import { startS3Server, type S3Server } from '@/lib/testing/s3-server';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-migrate-'));
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
const write = (key: string, bytes: Uint8Array | string) => {
  fs.mkdirSync(path.dirname(path.join(folder, key)), { recursive: true });
  fs.writeFileSync(path.join(folder, key), bytes);
};

let s3: S3Server;
let bucket: Bucket;
beforeAll(async () => {
  s3 = await startS3Server();
  bucket = openBucket(s3.settings);
  write('covers/c1.png', png);
  write('covers/c2.png', png);
  write('ads/a1.webp', webp);
  write('creatives/2026/r1.png', png);
  write('covers/notes.txt', 'not an upload');
  write('.DS_Store', 'not an upload either');
});
afterAll(async () => {
  bucket.client.destroy();
  await s3.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

/**
 * The real command, as `npm run media:migrate` runs it, with the bucket's settings in its environment. Run without
 * blocking: the S3 server answers from this process.
 */
function run(env: Record<string, string>, args: string[] = []): Promise<{ status: number; output: string }> {
  const command = ['--conditions=react-server', '--import', 'tsx', 'scripts/media-migrate.ts', ...args];
  return new Promise((resolve) =>
    execFile(process.execPath, command, { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code) : 0, output: stdout + stderr }),
    ),
  );
}
const migrate = (...args: string[]) => run({ ...s3.env, UPLOADS_DIR: folder }, args);

// Each run starts a Node process with tsx: a few seconds on a busy machine.
describe('npm run media:migrate', { timeout: 60_000 }, () => {
  it('with --dry-run says what it would copy and writes nothing', async () => {
    const { status, output } = await migrate('--dry-run');
    expect(status, output).toBe(0);
    expect(output).toMatch(/Dry run: nothing is written/);
    expect(output).toMatch(/would copy covers\/c1\.png \(1 KB\) \[\d\/4\]/);
    expect(output).toMatch(/Done: 4 uploads in the folder; 4 would be copied .*; 0 already in the bucket; 2 other/);
    expect((await objectSizes(bucket)).size).toBe(0);
  });

  it('copies the uploads under the same keys, goes on where a stopped run left off, and copies nothing the second time', async () => {
    // As if a run had stopped after its first file.
    await s3Storage(bucket).put('covers/c1.png', png, 'image/png');
    const first = await migrate();
    expect(first.status, first.output).toBe(0);
    expect(first.output).not.toMatch(/copied covers\/c1\.png/);
    expect(first.output).toMatch(/copied creatives\/2026\/r1\.png/);
    expect(first.output).toMatch(
      /Done: 4 uploads in the folder; 3 copied .*; 1 already in the bucket; 2 other files left out: \.DS_Store, covers\/notes\.txt\./,
    );
    expect([...(await objectSizes(bucket)).keys()].sort()).toEqual([
      'ads/a1.webp',
      'covers/c1.png',
      'covers/c2.png',
      'creatives/2026/r1.png',
    ]);
    const served = await s3Storage(bucket).get('ads/a1.webp');
    expect(served).toMatchObject({ type: 'image/webp', size: webp.length });
    expect(new Uint8Array(await new Response(served!.body).arrayBuffer())).toEqual(webp);

    const second = await migrate();
    expect(second.status, second.output).toBe(0);
    expect(second.output).not.toMatch(/^copied /m);
    expect(second.output).toMatch(/Done: 4 uploads in the folder; 0 copied \(0\.0 MB\); 4 already in the bucket/);
  });

  it('says what to set when no bucket is named, and refuses unknown options', async () => {
    const noBucket = await run({ S3_BUCKET: '', UPLOADS_DIR: folder });
    expect(noBucket.status).toBe(1);
    expect(noBucket.output).toMatch(/Set S3_BUCKET/);
    expect((await migrate('--force')).status).toBe(2);
  });
});
