import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { posts } from '@/db/schema';
import type { Database } from '@/lib/db';
import { fileExtensions, storage, type StoredType } from '@/lib/storage';
import { fetchPublic, FetchRefused } from '../public-fetch';

/** Larger covers are not copied (the editor takes uploads up to this size too). */
const MAX_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

export type MediaFailure = { url: string; reason: string };

export type MediaOptions = {
  /** Private addresses copied from anyway: for tests' image servers on loopback only (public-fetch.ts). */
  allowAddresses?: readonly string[];
};

/**
 * Copies an image from the old site into our storage and returns its new address, or why it could not: an address
 * that is not public (an export file must not make us fetch from our own network), the old site not answering, an
 * answer that is not an image we keep, or one too large. Never throws: a failed image is listed in the summary, not
 * fatal.
 */
export async function copyImage(
  url: string,
  folder: 'covers' | 'images' = 'covers',
  options: MediaOptions = {},
): Promise<{ url: string } | { failure: MediaFailure }> {
  try {
    const { contentType, body } = await fetchPublic(url, {
      accept: (type) => type in fileExtensions,
      maxBytes: MAX_BYTES,
      timeoutMs: TIMEOUT_MS,
      maxRedirects: 3,
      allowAddresses: options.allowAddresses,
    });
    const type = contentType as StoredType;
    const key = `${folder}/${randomUUID()}.${fileExtensions[type]}`;
    const files = await storage();
    await files.put(key, new Uint8Array(body), type);
    return { url: files.url(key) };
  } catch (error) {
    const reason = error instanceof FetchRefused ? error.message : `not stored (${(error as Error).message})`;
    return { failure: { url, reason } };
  }
}

/** The addresses of a body's images on other sites: what an import copies (ours start with a slash). */
export function bodyImageUrls(html: string): string[] {
  return [...new Set([...html.matchAll(/<img\b[^>]*\bsrc="(https?:\/\/[^"]+)"/gi)].map((match) => match[1]))];
}

/**
 * Copies the images of imported posts' bodies (each address once) and points the bodies at our copies; an image the
 * old site does not give stays at its address and is listed.
 */
export async function copyBodyImages(
  db: Database,
  postIds: number[],
  onPost: () => Promise<void>,
  options: MediaOptions = {},
): Promise<{ copied: number; failures: MediaFailure[] }> {
  const copies = new Map<string, string | null>();
  const result = { copied: 0, failures: [] as MediaFailure[] };
  for (const id of postIds) {
    const [post] = await db.select({ bodyHtml: posts.bodyHtml }).from(posts).where(eq(posts.id, id));
    let body = post?.bodyHtml ?? '';
    for (const url of bodyImageUrls(body)) {
      if (!copies.has(url)) {
        const copy = await copyImage(url.replaceAll('&amp;', '&'), 'images', options);
        if ('failure' in copy) result.failures.push(copy.failure);
        else result.copied++;
        copies.set(url, 'url' in copy ? copy.url : null);
      }
      const copied = copies.get(url);
      if (copied) body = body.replaceAll(`src="${url}"`, `src="${copied}"`);
    }
    if (post && body !== post.bodyHtml) await db.update(posts).set({ bodyHtml: body }).where(eq(posts.id, id));
    await onPost();
  }
  return result;
}

/** Sets an imported post's cover once its image is in our storage. */
export async function setCover(db: Database, postId: number, cover: { url: string; alt: string }): Promise<void> {
  await db.update(posts).set({ coverImage: cover.url, coverAlt: cover.alt }).where(eq(posts.id, postId));
}
