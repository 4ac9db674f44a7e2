/** The types of file Broadsheet stores (images), and the extension each is named with. */
export const fileExtensions = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
} as const;

export type StoredType = keyof typeof fileExtensions;

/**
 * A file's type is the one its key's extension names, on every storage: the disk has no other place for it, and a
 * key keeps its type when moved from one storage to another (npm run media:migrate).
 */
export function typeOfKey(key: string): StoredType | undefined {
  const extension = /\.([^./]+)$/.exec(key)?.[1];
  return (Object.keys(fileExtensions) as StoredType[]).find((type) => fileExtensions[type] === extension);
}

/** Names are random and never reused: a copy anywhere (a browser, a CDN) can be kept for a year. */
export const UPLOAD_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * How a browser is told to take a stored file: images are shown in the page; any other type would be downloaded,
 * never opened as a page of this site.
 */
export function contentDisposition(type: StoredType): 'inline' | 'attachment' {
  return type.startsWith('image/') ? 'inline' : 'attachment';
}

/** A stored file as read back: its bytes as a stream, with the type it was stored as and its size in bytes. */
export type StoredFile = { body: ReadableStream<Uint8Array>; type: StoredType; size: number };

/**
 * Where uploaded files are kept: the disk (lib/storage/disk.ts) or an S3-compatible bucket (lib/storage/s3.ts).
 * Every implementation passes lib/storage/storage.test.ts.
 *
 * A key is a relative path such as `covers/<uuid>.png`. Keys come from addresses (/uploads/…), so every
 * implementation refuses one that is not `isSafeKey`: get answers null, put throws.
 */
export interface Storage {
  /** Throws unless `type` is the type of the key's extension (typeOfKey). */
  put(key: string, bytes: Uint8Array, type: StoredType): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  /** The address the file is served from. */
  url(key: string): string;
  /** Resolves when files can be stored now (the folder is writable, the bucket answers); throws why not. */
  reachable(): Promise<void>;
}

/** Each segment letters, digits, `_`, `-` and single inner dots: no `..`, no empty or absolute path, no backslash. */
const segment = /^[\w-]+(\.[\w-]+)*$/;

export function isSafeKey(key: string): boolean {
  return key.length <= 512 && key.split('/').every((part) => segment.test(part));
}

/** What every put checks first: a safe key, whose extension names the type it would be read back as. */
export function assertStorable(key: string, type: StoredType): void {
  if (!isSafeKey(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  if (typeOfKey(key) !== type) throw new Error(`${key} would be read back as another type than ${type}`);
}
