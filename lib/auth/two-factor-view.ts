import 'server-only';
import QRCode from 'qrcode';
import { getDb } from '@/lib/db';
import { getSettings } from '@/lib/settings/queries';
import { totpUri } from './totp';
import { secretBeingSetUp, twoFactorStatus } from './two-factor';

/** What the profile and setup pages show of someone's two-factor sign-in. */
export async function twoFactorOf(accountId: string) {
  return twoFactorStatus(await getDb(), accountId);
}

/**
 * The secret being set up, for the app: as a QR code (an SVG of squares drawn by qrcode on the server, so the
 * page needs no script; the issuer and account are only in the code's data, never in its markup) and as text
 * in groups of four, for typing in.
 */
export async function setupFor(account: { id: string; email: string }) {
  const secret = await secretBeingSetUp(await getDb(), account.id);
  if (!secret) return null;
  const { title } = await getSettings();
  const qrSvg = await QRCode.toString(totpUri(title, account.email, secret), { type: 'svg', margin: 2 });
  return { qrSvg, secretText: secret.match(/.{1,4}/g)!.join(' ') };
}
