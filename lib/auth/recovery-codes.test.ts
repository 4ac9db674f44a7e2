import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('are ten different codes of ten characters that people can read out', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it('are read as typed: any case, with or without the hyphen, I, L and O for 1 and 0', () => {
    expect(normalizeRecoveryCode(' AB1CD-0EFGH ')).toBe('ab1cd0efgh');
    expect(normalizeRecoveryCode('abIcd oefgh')).toBe('ab1cd0efgh');
    expect(hashRecoveryCode('ABLCD-OEFGH')).toBe(hashRecoveryCode('ab1cd0efgh'));
    for (const wrong of ['', 'abcde', 'abcde-fghjk-m', 'abcde-fghju', '<script>x</script>'])
      expect(normalizeRecoveryCode(wrong)).toBeNull();
  });

  it('are kept as a keyed hash that holds nothing of the code', () => {
    const [code] = newRecoveryCodes();
    const hash = hashRecoveryCode(code)!;
    expect(hash).toMatch(/^[\w-]{43}$/);
    expect(hash).not.toContain(code.replace('-', ''));
    expect(hashRecoveryCode(code)).toBe(hash);
    expect(hashRecoveryCode('zzzzz-zzzzz')).not.toBe(hash);
  });
});
