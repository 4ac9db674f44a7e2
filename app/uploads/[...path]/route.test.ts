import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storage } from '@/lib/storage';
import { startS3Server, type S3Server } from '@/lib/testing/s3-server';
import { saveImage } from '@/lib/uploads/images';
import { GET } from './route';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-uploads-route-'));
const uploads = path.join(folder, 'uploads');
process.env.UPLOADS_DIR = uploads;
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const get = (...parts: string[]) =>
  GET(new Request(`http://localhost/uploads/${parts.join('/')}`), { params: Promise.resolve({ path: parts }) });
const imageHeaders = {
  'content-type': 'image/png',
  'content-length': String(png.length),
  'content-disposition': 'inline',
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
};

describe('GET /uploads/…', () => {
  it('streams a stored image with its type, size, inline, a year of caching and nosniff', async () => {
    await (await storage()).put('covers/d4.png', png, 'image/png');
    const response = await get('covers', 'd4.png');
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject(imageHeaders);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
  });

  it('answers 404 to unknown files and to paths that climb out of the uploads folder', async () => {
    fs.writeFileSync(path.join(folder, 'outside.png'), png);
    expect((await get('covers', 'missing.png')).status).toBe(404);
    expect((await get('..', 'outside.png')).status).toBe(404);
    expect((await get('covers', '..', '..', 'outside.png')).status).toBe(404);
    expect((await get('..%2Foutside.png')).status).toBe(404);
    expect((await get('..', '..', '..', 'etc', 'passwd')).status).toBe(404);
  });
});

describe('uploads kept in an S3 bucket (S3_BUCKET set)', () => {
  let s3: S3Server;
  beforeAll(async () => {
    s3 = await startS3Server();
    Object.assign(process.env, s3.env);
  });
  afterAll(async () => {
    for (const name of [...Object.keys(s3.env), 'S3_PUBLIC_URL']) delete process.env[name];
    await s3.stop();
  });
  const upload = () => saveImage(new File([png], 'cover.png', { type: 'image/png' }), 'covers');

  it('go to the bucket, not the disk, and are streamed back from it with the same headers', async () => {
    const saved = await upload();
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.url).toMatch(/^\/uploads\/covers\/[\w-]+\.png$/);
    const response = await get(...saved.url.split('/').slice(2));
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject(imageHeaders);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
    expect(fs.existsSync(path.join(uploads, saved.url.replace('/uploads/', '')))).toBe(false);
    expect((await get('covers', 'missing.png')).status).toBe(404);
  });

  it('are linked at S3_PUBLIC_URL when it is set, where the bucket serves them with their type and caching', async () => {
    process.env.S3_PUBLIC_URL = `${s3.env.S3_ENDPOINT}/${s3.env.S3_BUCKET}/`;
    const saved = await upload();
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.url).toMatch(new RegExp(`^${s3.env.S3_ENDPOINT}/${s3.env.S3_BUCKET}/covers/[\\w-]+\\.png$`));
    const direct = await fetch(saved.url);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('content-type')).toBe('image/png');
    expect(direct.headers.get('content-disposition')).toBe('inline');
    expect(direct.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(new Uint8Array(await direct.arrayBuffer())).toEqual(png);
    // Addresses stored before the switch keep working through the route.
    expect((await get(...saved.url.split('/').slice(-2))).status).toBe(200);
  });
});
