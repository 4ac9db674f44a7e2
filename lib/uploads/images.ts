import { randomUUID } from 'node:crypto';
import { fileExtensions, storage, type StoredType } from '@/lib/storage';
import { imageDimensions } from './dimensions';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/**
 * A small file can claim a huge canvas (a 31 KB PNG of 16,000×16,000): the image optimizer would spend seconds on
 * every width it is asked for. Checked from the header, before anything decodes the image.
 */
export const MAX_IMAGE_MEGAPIXELS = 40;

/** Checks a file's real type from its first bytes, not from the name or the browser's claim. */
export function sniffImageType(bytes: Uint8Array): StoredType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

export type CheckedImage = { ok: true; bytes: Uint8Array; type: StoredType } | { ok: false; message: string };

/**
 * Whether an upload may be kept: at most 5 MB, an image by its bytes, at most 40 megapixels by its header, and with
 * `exactSize` exactly that size (ad creatives must fill their slot). Nothing is written.
 */
export async function checkImage(file: File, exactSize?: { width: number; height: number }): Promise<CheckedImage> {
  if (file.size > MAX_IMAGE_BYTES) {
    return { ok: false, message: `The image is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, message: 'Upload a JPEG, PNG, WebP or GIF image.' };
  const size = imageDimensions(bytes);
  if (size && size.width * size.height > MAX_IMAGE_MEGAPIXELS * 1_000_000) {
    return {
      ok: false,
      message: `This image is ${size.width}×${size.height} pixels; the limit is ${MAX_IMAGE_MEGAPIXELS} megapixels.`,
    };
  }
  if (exactSize) {
    if (!size || size.width !== exactSize.width || size.height !== exactSize.height) {
      const found = size ? `${size.width}×${size.height}` : 'of unknown size';
      return {
        ok: false,
        message: `The image is ${found}; this slot needs exactly ${exactSize.width}×${exactSize.height}.`,
      };
    }
  }
  return { ok: true, bytes, type };
}

export type SavedImage = { ok: true; url: string } | { ok: false; message: string };

/** Checks an uploaded image, then stores it as <folder>/<random name> and returns its public URL. */
export async function saveImage(
  file: File,
  folder: string,
  exactSize?: { width: number; height: number },
): Promise<SavedImage> {
  const checked = await checkImage(file, exactSize);
  if (!checked.ok) return checked;
  const key = `${folder}/${randomUUID()}.${fileExtensions[checked.type]}`;
  const files = await storage();
  await files.put(key, checked.bytes, checked.type);
  return { ok: true, url: files.url(key) };
}
