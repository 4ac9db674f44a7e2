import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * One mail as the server received it: the envelope's recipients, the message quoted-printable decoded (`raw`, for
 * reading its text) and as it came (`source`, for a parser).
 */
export type CaughtMail = { from: string; to: string[]; raw: string; source: string };

export type MailCatcher = {
  /** SMTP_URL for the code under test. */
  url: string;
  port: number;
  /** Each message's text (headers and decoded body), in the order received. */
  messages: string[];
  mails: CaughtMail[];
  /** How many mails arrived (also with `keep: false`, a sink that keeps none: for the bench). */
  received: () => number;
  /**
   * Makes the server refuse mail to an address at RCPT TO with this SMTP code (4xx: try again later, 5xx: never),
   * until cleared with `refuse(address, null)`.
   */
  refuse: (address: string, code: number | null) => void;
  close: () => Promise<void>;
};

/** Quoted-printable soft breaks and escapes undone (byte by byte, then read as UTF-8), so tests can read bodies. */
function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const escape = /^=([0-9A-F]{2})/.exec(joined.slice(i, i + 3));
    if (escape) {
      bytes.push(parseInt(escape[1], 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * A real SMTP server on loopback (the smtp-server package: the protocol as nodemailer's own tests speak it) that
 * keeps what it is sent, for tests of mail. No TLS, any or no authentication. With `dir`, each mail is also
 * written there.
 */
export async function catchMail({ dir, keep = true }: { dir?: string; keep?: boolean } = {}): Promise<MailCatcher> {
  let received = 0;
  const mails: CaughtMail[] = [];
  const messages: string[] = [];
  const refused = new Map<string, number>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    // Loopback only: no reverse DNS lookup of each connection.
    disableReverseLookup: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onRcptTo(address, _session, callback) {
      const code = refused.get(address.address.toLowerCase());
      if (!code) return callback();
      callback(
        Object.assign(new Error(`${code === 550 ? 'No such mailbox' : 'Try again later'}`), { responseCode: code }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => keep && chunks.push(chunk));
      stream.on('end', () => {
        received++;
        if (!keep) return callback();
        const source = Buffer.concat(chunks).toString('latin1');
        const raw = decodeQuotedPrintable(source);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push({ from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, source });
        messages.push(raw);
        // For tests in other processes (the e2e specs): one JSON file per mail, named in arrival order.
        if (dir)
          fs.writeFileSync(
            path.join(dir, `${String(mails.length).padStart(6, '0')}.json`),
            JSON.stringify(mails.at(-1)),
          );
        callback();
      });
    },
  });
  // A client that dies mid-mail (the crash tests kill one) resets its connection: expected, not a test failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    mails,
    received: () => received,
    refuse: (address, code) =>
      code ? refused.set(address.toLowerCase(), code) : refused.delete(address.toLowerCase()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
