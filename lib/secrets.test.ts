import { afterEach, describe, expect, it } from 'vitest';
import { authSecret, MISSING_AUTH_SECRET } from './env';
import { keyFor, type KeyUse } from './secrets';

const original = process.env.AUTH_SECRET;
afterEach(() => {
  if (original === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = original;
});

describe('keys', () => {
  it('are one per use, none of them the secret itself, and the same on every call', () => {
    const uses: KeyUse[] = [
      'ip-hashes',
      'preview-links',
      'comment-form-stamps',
      'ad-visitors',
      'ad-clicks',
      'scheduler',
      'client-address-header',
    ];
    const keys = uses.map((use) => keyFor(use).toString('hex'));
    expect(new Set(keys).size).toBe(uses.length);
    expect(keys).not.toContain(Buffer.from(authSecret()).toString('hex'));
    expect(keyFor('preview-links').toString('hex')).toBe(keys[1]);
  });

  it('change with the secret', () => {
    const before = keyFor('scheduler').toString('hex');
    process.env.AUTH_SECRET = 'another-secret';
    expect(keyFor('scheduler').toString('hex')).not.toBe(before);
    process.env.AUTH_SECRET = original;
    expect(keyFor('scheduler').toString('hex')).toBe(before);
  });

  it('are refused without a secret, with a message that says what to set', () => {
    for (const missing of [undefined, '']) {
      if (missing === undefined) delete process.env.AUTH_SECRET;
      else process.env.AUTH_SECRET = missing;
      expect(() => keyFor('preview-links')).toThrow(MISSING_AUTH_SECRET);
      expect(MISSING_AUTH_SECRET).toMatch(/^AUTH_SECRET is not set: set it in the environment or in \.env\.local/);
    }
  });
});
