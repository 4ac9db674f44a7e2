/** The types of file Broadsheet stores (images), and the extension each is named with. */
export const fileExtensions = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;

export type StoredType = keyof typeof fileExtensions;

/** A stored file as read back: its bytes as a stream, with the type it was stored as and its size in bytes. */
export type StoredFile = { body: ReadableStream<Uint8Array>; type: StoredType; size: number };

/**
 * Where uploaded files are kept: the disk (lib/storage/disk.ts) or, later, an object store. Every implementation
 * passes lib/storage/storage.test.ts.
 *
 * A key is a relative path such as `covers/<uuid>.png`. Keys come from addresses (/uploads/…), so every
 * implementation refuses one that is not `isSafeKey`: get answers null, put throws.
 */
export interface Storage {
  put(key: string, bytes: Uint8Array, type: StoredType): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  /** The address the file is served from. */
  url(key: string): string;
}

/** Each segment letters, digits, `_`, `-` and single inner dots: no `..`, no empty or absolute path, no backslash. */
const segment = /^[\w-]+(\.[\w-]+)*$/;

export function isSafeKey(key: string): boolean {
  return key.length <= 512 && key.split('/').every((part) => segment.test(part));
}
