import { describe, expect, it } from 'vitest';
import { seal, unseal } from './secret-box';

describe('sealed two-factor secrets', () => {
  const account = '6f1c3c56-5a43-4a8e-9c1e-111111111111';

  it('opens for the account it was sealed for, and shows nothing of the secret', () => {
    const sealed = seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', account);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DP');
    expect(unseal(sealed, account)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    // A fresh nonce each time.
    expect(seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', account)).not.toBe(sealed);
  });

  it('does not open for another account, altered, or under another key', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', account);
    expect(unseal(sealed, '6f1c3c56-5a43-4a8e-9c1e-222222222222')).toBeNull();
    const [v, nonce, text, tag] = sealed.split('.');
    const flipped = Buffer.from(text, 'base64url');
    flipped[0] ^= 1;
    expect(unseal([v, nonce, flipped.toString('base64url'), tag].join('.'), account)).toBeNull();
    expect(unseal('not sealed', account)).toBeNull();
    const secret = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = 'another-secret-for-another-site-entirely';
    try {
      expect(unseal(sealed, account)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = secret;
    }
  });
});
