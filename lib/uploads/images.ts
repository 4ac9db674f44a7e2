import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { imageDimensions } from './dimensions';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const types: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

export function uploadsDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.env.UPLOADS_DIR || '.data/uploads');
}

/** Checks a file's real type from its first bytes, not from the name or the browser's claim. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

export type SavedImage = { ok: true; url: string } | { ok: false; message: string };

/**
 * Stores an uploaded image under UPLOADS_DIR/<folder>/ and returns its public URL (/uploads/...). With `exactSize`,
 * an image of any other size is refused (ad creatives must fill their slot exactly).
 */
export async function saveImage(
  file: File,
  folder: string,
  exactSize?: { width: number; height: number },
): Promise<SavedImage> {
  if (file.size > MAX_IMAGE_BYTES) {
    return { ok: false, message: `The image is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, message: 'Upload a JPEG, PNG, WebP or GIF image.' };
  if (exactSize) {
    const size = imageDimensions(bytes);
    if (!size || size.width !== exactSize.width || size.height !== exactSize.height) {
      const found = size ? `${size.width}×${size.height}` : 'of unknown size';
      return {
        ok: false,
        message: `The image is ${found}; this slot needs exactly ${exactSize.width}×${exactSize.height}.`,
      };
    }
  }
  const name = `${randomUUID()}.${types[type]}`;
  // turbopackIgnore: a path only known at run time; without it the build traces the whole project (the database
  // in .data and other builds included), and build time grows with the archive.
  await fs.mkdir(path.join(/* turbopackIgnore: true */ uploadsDir(), folder), { recursive: true });
  await fs.writeFile(path.join(/* turbopackIgnore: true */ uploadsDir(), folder, name), bytes);
  return { ok: true, url: `/uploads/${folder}/${name}` };
}
