import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';

/** Why an upload was not taken: the page shows importMessages.refused[reason]. */
export type UploadRefusal = 'tooLarge' | 'noFile' | 'uploadFailed' | 'busy';

export type ReceivedUpload =
  { ok: true; name: string; path: string; fields: Record<string, string> } | { ok: false; reason: UploadRefusal };

/**
 * Takes a multipart upload (an export file of up to `maxBytes`, and small fields) straight to a file in `dir`, as it
 * arrives: a 200 MB export never sits in memory, and one too large is cut off at the limit and deleted. The caller
 * moves or deletes the file.
 */
export async function receiveUpload(
  request: Request,
  { dir, maxBytes, fileField = 'file' }: { dir: string; maxBytes: number; fileField?: string },
): Promise<ReceivedUpload> {
  const tooLarge = { ok: false as const, reason: 'tooLarge' as const };
  // The browser says how large the body is: a file obviously too large is refused before a byte is read.
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes + 64 * 1024) return tooLarge;
  if (!request.body || !/^multipart\/form-data/i.test(request.headers.get('content-type') ?? ''))
    return { ok: false, reason: 'noFile' };
  await fs.promises.mkdir(dir, { recursive: true });
  const target = path.join(dir, `upload-${randomUUID()}.part`);
  const fields: Record<string, string> = {};
  let name: string | null = null;
  let truncated = false;
  let written: Promise<void> = Promise.resolve();
  try {
    const parser = busboy({
      headers: Object.fromEntries(request.headers),
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: 1024 },
    });
    parser.on('field', (field, value) => {
      fields[field] = value;
    });
    parser.on('file', (field, stream, info) => {
      if (field !== fileField || !info.filename) {
        stream.resume();
        return;
      }
      name = info.filename;
      stream.on('limit', () => {
        truncated = true;
      });
      written = pipeline(stream, fs.createWriteStream(target));
    });
    await pipeline(Readable.fromWeb(request.body as NodeReadableStream), parser);
    await written;
  } catch {
    await fs.promises.rm(target, { force: true });
    return { ok: false, reason: 'uploadFailed' };
  }
  const size = name === null ? 0 : (await fs.promises.stat(target).catch(() => ({ size: 0 }))).size;
  if (truncated || name === null || size === 0) {
    await fs.promises.rm(target, { force: true });
    return truncated ? tooLarge : { ok: false, reason: 'noFile' };
  }
  return { ok: true, name, path: target, fields };
}
