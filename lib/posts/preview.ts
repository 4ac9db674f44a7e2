import { createHmac, timingSafeEqual } from 'node:crypto';
import { keyFor } from '@/lib/secrets';

const PREVIEW_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

function signature(postId: number, expiresAt: number, previewSecret: string): string {
  return createHmac('sha256', keyFor('preview-links'))
    .update(`${postId}.${expiresAt}.${previewSecret}`)
    .digest('base64url');
}

/**
 * A shareable preview link's token: the post, an expiry and a signature over the post's preview secret. Publishing
 * gives the post a new secret, which revokes every link handed out before.
 */
export function createPreviewToken(postId: number, previewSecret: string, now = Date.now()): string {
  const expiresAt = now + PREVIEW_LIFETIME_MS;
  return `${postId}.${expiresAt}.${signature(postId, expiresAt, previewSecret)}`;
}

/** A preview link's path on this site. */
export function previewPath(postId: number, previewSecret: string): string {
  return `/preview/${createPreviewToken(postId, previewSecret)}`;
}

/** The post id a token grants, if it is well formed and unexpired; the caller then checks the signature. */
export function readPreviewToken(
  token: string,
  now = Date.now(),
): { postId: number; expiresAt: number; sig: string } | null {
  const match = /^(\d{1,10})\.(\d{13})\.([\w-]{43})$/.exec(token);
  if (!match) return null;
  const [, postId, expiresAt, sig] = match;
  if (Number(expiresAt) < now) return null;
  return { postId: Number(postId), expiresAt: Number(expiresAt), sig };
}

export function isPreviewSignatureValid(
  token: { postId: number; expiresAt: number; sig: string },
  previewSecret: string,
) {
  const expected = Buffer.from(signature(token.postId, token.expiresAt, previewSecret));
  const given = Buffer.from(token.sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
