import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { newTotpSecret, normalizeTotpCode, totpStep, totpUri } from './totp';

describe('authenticator codes', () => {
  const secret = newTotpSecret();
  const now = 1_800_000_000_000;
  const codeAt = (ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });
  const step = Math.floor(now / 30_000);

  it('accepts the code of the current step and of the steps either side, and says which step', async () => {
    expect(await totpStep(secret, await codeAt(now), now)).toBe(step);
    expect(await totpStep(secret, await codeAt(now - 30_000), now)).toBe(step - 1);
    expect(await totpStep(secret, await codeAt(now + 30_000), now)).toBe(step + 1);
    expect(await totpStep(secret, await codeAt(now - 90_000), now)).toBeNull();
  });

  it('reads a code typed with spaces, and refuses anything but six digits', async () => {
    const code = await codeAt(now);
    expect(await totpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
    for (const typed of ['', '12345', '1234567', 'abcdef', '<script>']) {
      expect(normalizeTotpCode(typed)).toBeNull();
      expect(await totpStep(secret, typed, now)).toBeNull();
    }
  });

  it('gives apps a secret of 160 bits and a URI naming the site and the account', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri('The Harbour Ledger', 'ed@example.com', secret)).toBe(
      `otpauth://totp/The%20Harbour%20Ledger:ed%40example.com?secret=${secret}&issuer=The%20Harbour%20Ledger`,
    );
  });
});
