import { describe, expect, it } from 'vitest';
import { createPreviewToken, isPreviewSignatureValid, readPreviewToken } from './preview';

describe('preview tokens', () => {
  const secret = '6f1c9a4e-2d7b-4c1a-9e3f-0a1b2c3d4e5f';

  it('round-trips for the same post secret', () => {
    const token = readPreviewToken(createPreviewToken(42, secret))!;
    expect(token.postId).toBe(42);
    expect(isPreviewSignatureValid(token, secret)).toBe(true);
  });

  it('is revoked by a new post secret', () => {
    const token = readPreviewToken(createPreviewToken(42, secret))!;
    expect(isPreviewSignatureValid(token, 'another-secret')).toBe(false);
  });

  it('expires, and cannot be edited to point at another post', () => {
    const weekAgo = Date.now() - 8 * 24 * 60 * 60 * 1000;
    expect(readPreviewToken(createPreviewToken(42, secret, weekAgo))).toBeNull();
    const forged = readPreviewToken(createPreviewToken(42, secret).replace(/^42\./, '43.'))!;
    expect(isPreviewSignatureValid(forged, secret)).toBe(false);
    expect(readPreviewToken('42.garbage')).toBeNull();
  });
});
