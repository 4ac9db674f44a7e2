import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { serverNodeFlags } from '../scripts/next';
import { record } from './report';

type MailSend = { mailsPerSecond: number; rssAboveIdleMB: number; sent: number; received: number };

/**
 * Issue 28's figures: a story sent to 10,000 followers into a local SMTP sink, by bench/mail-send.ts in a process
 * of its own (its RSS is the sender's alone) with the server's node flags, as the server's job runs it, on PGlite and,
 * when the run has a server, on PostgreSQL.
 */
export function measureMailSend(serverUrl: string | undefined): void {
  for (const [driver, url] of [
    ['PGlite', undefined],
    ['PostgreSQL', serverUrl],
  ] as const) {
    if (driver === 'PostgreSQL' && !url) continue;
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PGLITE_DIR: undefined };
    execFileSync(
      process.execPath,
      [...serverNodeFlags(url), '--conditions=react-server', '--expose-gc', '--import', 'tsx', 'bench/mail-send.ts'],
      { env, stdio: 'inherit' },
    );
    const result = JSON.parse(fs.readFileSync('bench/results/mail-send.json', 'utf8')) as MailSend;
    record({
      figure: `story mail to 10,000 followers, ${driver}`,
      value: result.mailsPerSecond,
      unit: 'req/s',
      budget: '≥ 100/s',
      pass: result.mailsPerSecond >= 100 && result.received === result.sent,
    });
    record({
      figure: `sender RSS above idle during the send, ${driver}`,
      value: result.rssAboveIdleMB,
      unit: 'MB',
      budget: '≤ 50 MB',
      pass: result.rssAboveIdleMB <= 50,
    });
  }
}
