import { describe, expect, it } from 'vitest';
import { readToken, signToken } from './signed-tokens';

describe('signed tokens', () => {
  const account = '6f1c3c56-5a43-4a8e-9c1e-111111111111';
  const now = 1_800_000_000_000;

  it('name their account while they are young enough', () => {
    const token = signToken('two-factor-pending', account, now);
    expect(readToken('two-factor-pending', token, 300_000, now + 299_999)).toEqual({
      accountId: account,
      issuedAt: now,
    });
    expect(readToken('two-factor-pending', token, 300_000, now + 300_000)).toBeNull();
    // Not from the future either.
    expect(readToken('two-factor-pending', token, 300_000, now - 1)).toBeNull();
  });

  it('are worth nothing for another use, for another account or altered', () => {
    const token = signToken('two-factor-pending', account, now);
    expect(readToken('sign-in-tickets', token, 300_000, now)).toBeNull();
    const [, issued, mac] = token.split('.');
    expect(
      readToken('two-factor-pending', `6f1c3c56-5a43-4a8e-9c1e-222222222222.${issued}.${mac}`, 300_000, now),
    ).toBeNull();
    expect(readToken('two-factor-pending', `${account}.${now - 1000}.${mac}`, 300_000, now)).toBeNull();
    expect(readToken('two-factor-pending', `${token}.x`, 300_000, now)).toBeNull();
    expect(readToken('two-factor-pending', '', 300_000, now)).toBeNull();
  });
});
