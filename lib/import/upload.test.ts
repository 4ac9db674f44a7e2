import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { receiveUpload } from './upload';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-upload-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A browser's multipart POST of the import form (the body the platform encodes from FormData). */
function formPost(file: Blob | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  if (file) form.set('file', file, 'blog.xml');
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return new Request('http://localhost/api/import', { method: 'POST', body: form });
}

/** A body that arrives in pieces, of unknown length (no Content-Length), as a slow upload does. */
function streamedPost(parts: number, partBytes: number, midway?: () => void) {
  const boundary = 'x-boundary-1234';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xml"\r\nContent-Type: text/xml\r\n\r\n`;
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode(head));
      if (sent === Math.floor(parts * 0.75)) midway?.();
      if (sent < parts) controller.enqueue(new Uint8Array(partBytes).fill(0x61));
      else {
        controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
        controller.close();
      }
      sent++;
    },
  });
  return new Request('http://localhost/api/import', {
    method: 'POST',
    body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    duplex: 'half',
  } as RequestInit);
}

const files = () => fs.readdirSync(dir);

describe('receiveUpload', () => {
  it('streams the file to the folder and returns it with the form’s fields', async () => {
    const xml = '<feed>é</feed>'.repeat(1000);
    const received = await receiveUpload(formPost(new Blob([xml]), { media: 'no' }), { dir, maxBytes: 1 << 20 });
    expect(received).toMatchObject({ ok: true, name: 'blog.xml', fields: { media: 'no' } });
    if (!received.ok) return;
    expect(fs.readFileSync(received.path, 'utf8')).toBe(xml);
    fs.rmSync(received.path);
  });

  it('takes a file larger than the server actions’ 8 MB, arriving in pieces, without holding it in memory', async () => {
    // Three quarters into the body, most of what came is already on disk: the file is written as it arrives.
    let onDiskMidway = 0;
    const midway = () => {
      onDiskMidway = files().reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
    };
    const received = await receiveUpload(streamedPost(160, 256 * 1024, midway), { dir, maxBytes: 64 << 20 });
    expect(received).toMatchObject({ ok: true, name: 'big.xml' });
    if (!received.ok) return;
    expect(fs.statSync(received.path).size).toBe(40 << 20);
    fs.rmSync(received.path);
    expect(onDiskMidway).toBeGreaterThan(20 << 20);
  });

  it('refuses a file over the limit, by its declared length or as it arrives, and keeps nothing of it', async () => {
    const declared = formPost(new Blob([new Uint8Array(3000)]));
    expect(await receiveUpload(declared, { dir, maxBytes: 1000 })).toEqual({ ok: false, reason: 'tooLarge' });
    expect(await receiveUpload(streamedPost(10, 1024), { dir, maxBytes: 4096 })).toEqual({
      ok: false,
      reason: 'tooLarge',
    });
    expect(files()).toEqual([]);
  });

  it('refuses a form without a file, or an empty one', async () => {
    expect(await receiveUpload(formPost(null, { media: 'yes' }), { dir, maxBytes: 1000 })).toEqual({
      ok: false,
      reason: 'noFile',
    });
    expect(await receiveUpload(formPost(new Blob([])), { dir, maxBytes: 1000 })).toEqual({
      ok: false,
      reason: 'noFile',
    });
    expect(files()).toEqual([]);
  });
});
