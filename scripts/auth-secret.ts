import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { env } from '@/lib/env';

/**
 * Sessions are signed with AUTH_SECRET. When neither the environment nor .env.local has one, a fresh secret is
 * written to .env.local (ignored by git), so a first `npm start` works and restarts keep people signed in.
 */
export function ensureAuthSecret(file = '.env.local'): void {
  if (env().AUTH_SECRET) return;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const match = existing.match(/^AUTH_SECRET=(.+)$/m);
  if (match) {
    process.env.AUTH_SECRET = match[1];
    return;
  }
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}AUTH_SECRET=${secret}\n`, {
    mode: 0o600,
  });
  process.env.AUTH_SECRET = secret;
  console.log(`Wrote a new AUTH_SECRET to ${file}.`);
}
