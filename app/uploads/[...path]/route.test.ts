import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storage } from '@/lib/storage';
import { GET } from './route';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-uploads-route-'));
const uploads = path.join(folder, 'uploads');
process.env.UPLOADS_DIR = uploads;
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
const get = (...parts: string[]) =>
  GET(new Request(`http://localhost/uploads/${parts.join('/')}`), { params: Promise.resolve({ path: parts }) });

describe('GET /uploads/…', () => {
  it('streams a stored image with its type, size, a year of caching and nosniff', async () => {
    await storage().put('covers/d4.png', png, 'image/png');
    const response = await get('covers', 'd4.png');
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(png.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
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
