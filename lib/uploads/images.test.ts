import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { saveImage, sniffImageType } from './images';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-uploads-'));
process.env.UPLOADS_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('image uploads', () => {
  it('knows images by their bytes', () => {
    expect(sniffImageType(png)).toBe('image/png');
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('<svg onload="alert(1)">'))).toBeNull();
  });

  it('writes a real file and returns its URL', async () => {
    const saved = await saveImage(new File([png], 'cover.png', { type: 'image/png' }), 'covers');
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.url).toMatch(/^\/uploads\/covers\/[\w-]+\.png$/);
    expect(fs.readFileSync(path.join(dir, saved.url.replace('/uploads/', '')))).toEqual(Buffer.from(png));
  });

  it('refuses a wrong type or a huge file with a clear message, and stores nothing', async () => {
    const stored = () => fs.readdirSync(dir, { recursive: true }).length;
    const before = stored();
    const html = await saveImage(new File(['<html>'], 'x.png', { type: 'image/png' }), 'covers');
    expect(html).toEqual({ ok: false, message: 'Upload a JPEG, PNG, WebP or GIF image.' });
    const huge = await saveImage(new File([new Uint8Array(6 * 1024 * 1024)], 'big.png'), 'covers');
    expect(huge).toEqual({ ok: false, message: 'The image is 6.0 MB; the limit is 5 MB.' });
    expect(stored()).toBe(before);
  });

  it('refuses a small file that claims a huge canvas, from its header alone, and stores nothing', async () => {
    const stored = () => fs.readdirSync(dir, { recursive: true }).length;
    const before = stored();
    // A PNG's signature and IHDR chunk, no pixel data: nothing could decode it, so only the header was read.
    const pngHeader = (width: number, height: number) => {
      const bytes = new Uint8Array(33);
      bytes.set(png.subarray(0, 8));
      const view = new DataView(bytes.buffer);
      view.setUint32(8, 13);
      bytes.set(new TextEncoder().encode('IHDR'), 12);
      view.setUint32(16, width);
      view.setUint32(20, height);
      bytes.set([8, 6, 0, 0, 0], 24);
      return bytes;
    };
    const bomb = await saveImage(new File([pngHeader(16_000, 16_000)], 'cover.png'), 'covers');
    expect(bomb).toEqual({ ok: false, message: 'This image is 16000×16000 pixels; the limit is 40 megapixels.' });
    expect(stored()).toBe(before);
    // 40 megapixels exactly is allowed (an 8000×5000 photo).
    expect((await saveImage(new File([pngHeader(8000, 5000)], 'photo.png'), 'covers')).ok).toBe(true);
  });
});
