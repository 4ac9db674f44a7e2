import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';

/** Where the e2e server's SMTP catcher files each mail it receives (scripts/e2e-server.ts). */
export const E2E_MAIL_DIR = '.data/e2e-mail';

export type CaughtMail = { from: string; to: string[]; raw: string };

/** Every mail caught so far, oldest first. */
export function caughtMails(): CaughtMail[] {
  if (!fs.existsSync(E2E_MAIL_DIR)) return [];
  return fs
    .readdirSync(E2E_MAIL_DIR)
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(E2E_MAIL_DIR, file), 'utf8')) as CaughtMail);
}

/** The first mail to `to` whose text matches `match`, once it has arrived; headers unfolded. */
export async function mailTo(to: string, match: RegExp): Promise<string> {
  const find = () =>
    caughtMails()
      .filter((mail) => mail.to.includes(to))
      .map((mail) => mail.raw.replace(/\r\n[ \t]+/g, ' '))
      .find((raw) => match.test(raw));
  await expect.poll(() => Boolean(find()), { timeout: 30_000 }).toBe(true);
  return find()!;
}
