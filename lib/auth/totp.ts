import { generateSecret, generateURI, verify } from 'otplib';

/** Authenticator-app codes (RFC 6238 as the apps use it: SHA-1, 6 digits, 30 seconds), through otplib. */

/** A new secret: 20 random bytes, in the base32 the apps take. */
export const newTotpSecret = (): string => generateSecret();

/** What the QR code carries: otpauth://totp/Issuer:account?secret=…&issuer=… */
export const totpUri = (issuer: string, account: string, secret: string): string =>
  generateURI({ issuer, label: account, secret });

/** A code as typed ("123 456", "123456"): its six digits, or null when it is not six digits. */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step a code belongs to, or null when it matches none. The step before and after the current one count
 * too (a phone's clock a little off, a code typed as it changed); the caller refuses a step already used.
 */
export async function totpStep(secret: string, code: string, now = Date.now()): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const result = await verify({ secret, token, epoch: Math.floor(now / 1000), epochTolerance: 30 });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
